using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Platform.Dashboard.Components;
using Platform.Dashboard.Endpoints;
using Platform.Dashboard.Lab;
using Platform.Dashboard.Live;
using Radzen;

namespace Platform.Dashboard;

/// <summary>Composes the dashboard into a host, beside Lab (embedded) or alone against a remote Lab.</summary>
public static class DashboardExtensions
{
    /// <summary>Blazor Server with Radzen, the Lab client (<c>Dashboard:LabAddress</c>) and the live job feed.</summary>
    public static WebApplicationBuilder AddDashboard(this WebApplicationBuilder builder)
    {
        // Radzen's and our static files come from the build output's static web assets, also outside Development.
        builder.WebHost.UseStaticWebAssets();
        var services = builder.Services;
        services.AddSingleton(DashboardOptions.From(builder.Configuration));
        services.AddSingleton<LabClient>();
        services.AddSingleton<JobFeed>();
        services.AddHostedService(sp => sp.GetRequiredService<JobFeed>());
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddRadzenComponents();
        return builder;
    }

    /// <summary>The pages (at <c>/</c>), blazor.web.js, artifact downloads and CSV export.</summary>
    public static WebApplication MapDashboard(this WebApplication app)
    {
        app.UseStaticFiles();
        app.UseAntiforgery();
        app.MapGet(BlazorScript.Path, BlazorScript.Serve);
        app.MapGet("/artifacts/{id}/download", ArtifactDownload.Serve);
        app.MapGet("/export/jobs.csv", JobsCsv.Serve);
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        return app;
    }
}
