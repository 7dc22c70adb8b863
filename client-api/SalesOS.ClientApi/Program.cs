using SalesOS.ClientApi;
using SalesOS.Gateway;

var builder = WebApplication.CreateBuilder(args);
builder.ConnectToSalesOSCluster();
builder.Services.AddSalesOSGateway();

var app = builder.Build();
app.MapSalesOSGateway();
app.Run();

/// <summary>Entry point marker for WebApplicationFactory in tests.</summary>
public partial class Program;
