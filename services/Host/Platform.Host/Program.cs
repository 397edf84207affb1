using Platform.Curvature;
using Platform.Dashboard;
using Platform.Host;
using Platform.Lab;
using Platform.Messaging;
using Platform.ServiceDefaults;
using Platform.Training;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
var roles = HostRoles.From(builder.Configuration);
if (roles.Lab)
    builder.AddLab();
if (roles.Worker)
{
    builder.Services.AddSelfTestWorker(builder.Configuration);
    builder.AddTraining();
    builder.AddCurvature();
}
var runOnce = builder.Configuration.GetSection("Platform:Run").Get<RunOnceOptions>();
if (runOnce?.Kind is not null)
    builder.AddRunOnce(runOnce, roles);
else
{
    if (roles.Lab)
        builder.ListenLab();
    if (roles.Dashboard)
        builder.AddDashboard();
}

var app = builder.Build();
app.MapDefaultEndpoints();
if (roles.Lab)
    app.MapLab();
if (roles.Lab && roles.Worker)
    app.MapCurvature();
if (roles.Dashboard && runOnce?.Kind is null)
    app.MapDashboard();
var exit = await app.RunPlatformAsync();
return exit != 0 ? exit : RunOnceJob.ExitCode;
