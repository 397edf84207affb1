using Platform.Contracts.Curvature;
using Platform.Curvature.Methods.Estimators;
using Platform.Curvature.V1;

namespace Platform.Curvature.Api;

/// <summary>Reads <see cref="EstimatorSettings"/> (zero = default) into estimator names, options and views, or problems.</summary>
internal static class EstimatorSettingsReader
{
    public const int DefaultDirections = 10;
    public const double DefaultStep = 1e-3;

    public static (string[] Estimators, EstimatorOptions Options, string[] Views) Read(
        EstimatorSettings? settings, string field, List<(string Field, string Description)> problems)
    {
        settings ??= new EstimatorSettings();
        var estimators = settings.Estimators.Count == 0 ? ["fd_gradnorm"] : settings.Estimators.ToArray();
        foreach (var e in estimators.Where(e => !CurvatureJobKinds.Estimators.Contains(e)))
            problems.Add(($"{field}.estimators", $"estimator '{e}' is unknown; use one of {string.Join(", ", CurvatureJobKinds.Estimators)}"));
        var directions = settings.Directions == 0 ? DefaultDirections : settings.Directions;
        if (directions is < 1 or > 10_000)
            problems.Add(($"{field}.directions", $"directions must be between 1 and 10000, or 0 for {DefaultDirections} (got {settings.Directions})"));
        var step = settings.Step == 0 ? DefaultStep : settings.Step;
        if (!(step > 0 && step <= 1))
            problems.Add(($"{field}.step", $"step must be in (0, 1], or 0 for {DefaultStep} (got {settings.Step})"));
        var views = settings.Views.Count == 0 ? ["original"] : settings.Views.ToArray();
        if (views.Any(v => v is not ("original" or "flipped")) || views.Distinct().Count() != views.Length)
            problems.Add(($"{field}.views", $"views must be original and/or flipped, each once (got {string.Join(", ", views)})"));
        return (estimators, new EstimatorOptions(directions, step, unchecked((ulong)settings.Seed), !settings.ZoFloat32), views);
    }
}
