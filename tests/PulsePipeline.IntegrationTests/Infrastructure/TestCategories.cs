namespace PulsePipeline.IntegrationTests.Infrastructure;

/// <summary>
/// Test traits ./test.sh filters on: without chromium it runs <c>Category!=Browser</c> and says the browser tests
/// did not run. Every test that launches <see cref="Chromium"/> carries <c>[Trait(Name, Browser)]</c>.
/// </summary>
internal static class TestCategories
{
    public const string Name = "Category";
    public const string Browser = "Browser";
}
