namespace PulsePipeline.Models.Tokens;

/// <summary>
/// Token rows are spread over 256 partitions by the first two hex digits of the token hash, so lookups and
/// writes never concentrate on one partition, and a wave's tokens can still be written in batches per partition.
/// </summary>
public static class TokenPartition
{
    public static string Of(string tokenHash) => tokenHash[..2];
}
