using Platform.Host;
using Platform.Lab;
using Platform.Messaging;
using Platform.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
var roles = HostRoles.From(builder.Configuration);
if (roles.Lab)
    builder.AddLab();
if (roles.Worker)
    builder.Services.AddSelfTestWorker(builder.Configuration);

var app = builder.Build();
app.MapDefaultEndpoints();
return await app.RunPlatformAsync();
