using Grpc.Reflection.V1;

namespace Platform.Rpc.Reflection;

/// <summary>Server reflection, <c>grpc.reflection.v1.ServerReflection</c>: lists services and serves their descriptors.</summary>
public sealed class ReflectionServiceV1(ReflectionIndex index) : IServerReflection
{
    /// <summary>Answers each request on the stream, in order; unknown names get a NOT_FOUND error response, not a failed call.</summary>
    public async IAsyncEnumerable<ServerReflectionResponse> ServerReflectionInfo(IAsyncEnumerable<ServerReflectionRequest> requests, CallContext? context = null)
    {
        await foreach (var request in requests.WithCancellation(context?.CancellationToken ?? default).ConfigureAwait(false))
        {
            yield return Answer(request);
        }
    }

    private ServerReflectionResponse Answer(ServerReflectionRequest request)
    {
        var response = new ServerReflectionResponse { ValidHost = request.Host, OriginalRequest = request };
        switch (request.MessageRequestCase)
        {
            case ServerReflectionRequest.MessageRequestOneofCase.ListServices:
                response.ListServicesResponse = new ListServiceResponse();
                response.ListServicesResponse.Service.AddRange(index.ServiceNames.Select(n => new ServiceResponse { Name = n }));
                break;
            case ServerReflectionRequest.MessageRequestOneofCase.FileByFilename:
                SetFiles(response, index.FileByName(request.FileByFilename), $"File '{request.FileByFilename}' not found.");
                break;
            case ServerReflectionRequest.MessageRequestOneofCase.FileContainingSymbol:
                SetFiles(response, index.FileContainingSymbol(request.FileContainingSymbol), $"Symbol '{request.FileContainingSymbol}' not found.");
                break;
            case ServerReflectionRequest.MessageRequestOneofCase.FileContainingExtension:
                SetError(response, StatusCode.NotFound, $"Extension {request.FileContainingExtension.ExtensionNumber} of '{request.FileContainingExtension.ContainingType}' not found.");
                break;
            case ServerReflectionRequest.MessageRequestOneofCase.AllExtensionNumbersOfType:
                if (index.IsKnownMessage(request.AllExtensionNumbersOfType))
                {
                    response.AllExtensionNumbersResponse = new ExtensionNumberResponse { BaseTypeName = request.AllExtensionNumbersOfType };
                }
                else
                {
                    SetError(response, StatusCode.NotFound, $"Type '{request.AllExtensionNumbersOfType}' not found.");
                }

                break;
            default:
                SetError(response, StatusCode.InvalidArgument, "The reflection request sets no known message_request field.");
                break;
        }

        return response;
    }

    private static void SetFiles(ServerReflectionResponse response, IReadOnlyList<Google.Protobuf.ByteString>? files, string notFound)
    {
        if (files is null)
        {
            SetError(response, StatusCode.NotFound, notFound);
            return;
        }

        response.FileDescriptorResponse = new FileDescriptorResponse();
        response.FileDescriptorResponse.FileDescriptorProto.AddRange(files);
    }

    private static void SetError(ServerReflectionResponse response, StatusCode code, string message) =>
        response.ErrorResponse = new ErrorResponse { ErrorCode = (int)code, ErrorMessage = message };
}
