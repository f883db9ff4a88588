namespace PulsePipeline.Models.Effects;

/// <summary>The k nearest placebos to a treated history by a given distance, deterministically (ties in placebo order).</summary>
internal static class NeighbourSearch
{
    /// <summary>Indices of the k smallest distances, ties in index order.</summary>
    public static int[] Nearest(double[] distance, int k)
    {
        var copy = (double[])distance.Clone();
        var kth = Select(copy, k - 1);
        var chosen = new List<int>(k);
        for (var i = 0; i < distance.Length && chosen.Count < k; i++)
        {
            if (distance[i] < kth)
            {
                chosen.Add(i);
            }
        }

        for (var i = 0; i < distance.Length && chosen.Count < k; i++)
        {
            if (distance[i] == kth)
            {
                chosen.Add(i);
            }
        }

        return [.. chosen];
    }

    /// <summary>The value of rank <paramref name="rank"/> (0-based) of the array; reorders it (Hoare selection).</summary>
    private static double Select(double[] a, int rank)
    {
        int lo = 0, hi = a.Length - 1;
        while (lo < hi)
        {
            var pivot = a[lo + (hi - lo) / 2];
            int i = lo, j = hi;
            while (i <= j)
            {
                while (a[i] < pivot)
                {
                    i++;
                }

                while (a[j] > pivot)
                {
                    j--;
                }

                if (i <= j)
                {
                    (a[i], a[j]) = (a[j], a[i]);
                    i++;
                    j--;
                }
            }

            if (rank <= j)
            {
                hi = j;
            }
            else if (rank >= i)
            {
                lo = i;
            }
            else
            {
                return a[rank];
            }
        }

        return a[rank];
    }
}
