using Platform.Lab.V1;
using Platform.Persistence;
using Platform.Persistence.Repositories;
using Platform.Rpc;

namespace Platform.Lab.Api;

/// <summary><c>platform.lab.v1.ProjectService</c> over <see cref="ProjectRepository"/>.</summary>
public sealed class ProjectApi(ProjectRepository projects) : IProjectService
{
    /// <inheritdoc />
    public async Task<CreateProjectResponse> CreateProject(CreateProjectRequest request, CallContext? context = null)
    {
        var name = RequireName(request.Name);
        try
        {
            var project = await projects.CreateAsync(name, request.Description, Token(context));
            return new CreateProjectResponse { Project = project.ToProto() };
        }
        catch (DuplicateNameException e)
        {
            throw new RpcException(StatusCode.AlreadyExists, e.Message);
        }
    }

    /// <inheritdoc />
    public async Task<ListProjectsResponse> ListProjects(ListProjectsRequest request, CallContext? context = null)
    {
        var response = new ListProjectsResponse();
        response.Projects.AddRange((await projects.ListAsync(Token(context))).Select(p => p.ToProto()));
        return response;
    }

    /// <inheritdoc />
    public async Task<CreateExperimentResponse> CreateExperiment(CreateExperimentRequest request, CallContext? context = null)
    {
        var projectId = RpcErrors.RequireId(request.ProjectId, "project_id");
        var name = RequireName(request.Name);
        _ = await projects.GetAsync(projectId, Token(context)) ?? throw RpcErrors.NotFound($"project {projectId} does not exist");
        try
        {
            var experiment = await projects.CreateExperimentAsync(projectId, name, request.Description, Token(context));
            return new CreateExperimentResponse { Experiment = experiment.ToProto() };
        }
        catch (DuplicateNameException e)
        {
            throw new RpcException(StatusCode.AlreadyExists, e.Message);
        }
    }

    /// <inheritdoc />
    public async Task<ListExperimentsResponse> ListExperiments(ListExperimentsRequest request, CallContext? context = null)
    {
        var projectId = RpcErrors.RequireId(request.ProjectId, "project_id");
        _ = await projects.GetAsync(projectId, Token(context)) ?? throw RpcErrors.NotFound($"project {projectId} does not exist");
        var response = new ListExperimentsResponse();
        response.Experiments.AddRange((await projects.ListExperimentsAsync(projectId, Token(context))).Select(e => e.ToProto()));
        return response;
    }

    private static string RequireName(string name) =>
        string.IsNullOrWhiteSpace(name) ? throw RpcErrors.InvalidArgument("name is required", ("name", "required")) : name.Trim();

    private static CancellationToken Token(CallContext? context) => context?.CancellationToken ?? CancellationToken.None;
}
