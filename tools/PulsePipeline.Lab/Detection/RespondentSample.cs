namespace PulsePipeline.Lab.Detection;

/// <summary>Running sums of one unit's respondents, giving the published means and sample SDs.</summary>
internal sealed class RespondentSample(int n)
{
    private double pSum, pSumSq, sSum, sSumSq;

    public void Add(double pressure, double speakUp)
    {
        pSum += pressure;
        pSumSq += pressure * pressure;
        sSum += speakUp;
        sSumSq += speakUp * speakUp;
    }

    public double PressureMean => pSum / n;

    public double SpeakUpMean => sSum / n;

    public double PressureSd => Sd(pSum, pSumSq);

    public double SpeakUpSd => Sd(sSum, sSumSq);

    private double Sd(double sum, double sumSq) => n > 1 ? Math.Sqrt(Math.Max(0, (sumSq - sum * sum / n) / (n - 1))) : 0;
}
