using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Platform.Rpc.Protocol;

namespace Platform.Rpc.Server;

/// <summary>Matches only gRPC requests (POST with a gRPC content type), so that the catch-all UNIMPLEMENTED routes leave other traffic alone.</summary>
internal sealed class UnimplementedRouteConstraint : IRouteConstraint
{
    public bool Match(HttpContext? httpContext, IRouter? route, string routeKey, RouteValueDictionary values, RouteDirection routeDirection) =>
        httpContext is not null
        && HttpMethods.IsPost(httpContext.Request.Method)
        && GrpcHeaders.IsGrpcContentType(httpContext.Request.ContentType);
}
