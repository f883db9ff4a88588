using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;
using PulsePipeline.Functions;

// Everything of ours is in AddPulseFunctions, which the integration tests call too (FunctionsAppTests).
var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
builder.Services.AddPulseFunctions(builder.Configuration);
builder.Build().Run();
