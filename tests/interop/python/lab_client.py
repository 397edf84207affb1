"""gRPC C-core (Debian python3-grpcio) client of the Lab API, used by tests/Platform.Lab.Api.Tests.

Usage: /usr/bin/python3 lab_client.py <host:port> <descriptor-set file>
The message classes are built at run time from a FileDescriptorSet of the Lab protos (no protoc needed).
Submits a system.selftest job, watches it to the end over WatchJob, downloads its report.txt and checks the
sha256, then submits a bad spec and decodes the google.rpc.BadRequest. Prints one JSON line.
"""
import hashlib
import json
import sys

import grpc
from google.protobuf import descriptor_pb2, descriptor_pool, message_factory


def message_classes(path):
    files = descriptor_pb2.FileDescriptorSet()
    with open(path, "rb") as f:
        files.ParseFromString(f.read())
    pool = descriptor_pool.DescriptorPool()
    for file in files.file:
        pool.Add(file)

    def get(name):
        descriptor = pool.FindMessageTypeByName(name)
        if hasattr(message_factory, "GetMessageClass"):
            return message_factory.GetMessageClass(descriptor)
        return message_factory.MessageFactory(pool).GetPrototype(descriptor)

    return get


def main():
    address, protoset = sys.argv[1], sys.argv[2]
    m = message_classes(protoset)
    result = {}
    with grpc.insecure_channel(address) as channel:
        def unary(service, method, request, response):
            call = channel.unary_unary("/platform.lab.v1.%s/%s" % (service, method),
                                       request_serializer=lambda r: r.SerializeToString(),
                                       response_deserializer=m(response).FromString)
            return call(request, timeout=10)

        submitted = unary("JobService", "SubmitJob",
                          m("platform.lab.v1.SubmitJobRequest")(kind="system.selftest", spec_json='{"steps":4,"stepMilliseconds":30}', name="from python"),
                          "platform.lab.v1.SubmitJobResponse")
        watch = channel.unary_stream("/platform.lab.v1.JobService/WatchJob",
                                     request_serializer=lambda r: r.SerializeToString(),
                                     response_deserializer=m("platform.lab.v1.WatchJobResponse").FromString)
        updates = list(watch(m("platform.lab.v1.WatchJobRequest")(job_id=submitted.job_id), timeout=60))
        kinds = [u.WhichOneof("update") for u in updates]
        final = updates[-1].result.job
        result["jobId"] = submitted.job_id
        result["progressCount"] = kinds.count("progress")
        result["resultIsLast"] = kinds[-1] == "result" and kinds.count("result") == 1
        result["state"] = final.state
        result["lastProgressValue"] = [u.progress.progress_value for u in updates if u.WhichOneof("update") == "progress"][-1]

        listed = unary("ArtifactService", "ListArtifacts", m("platform.lab.v1.ListArtifactsRequest")(job_id=submitted.job_id),
                       "platform.lab.v1.ListArtifactsResponse")
        report = [a for a in listed.artifacts if a.name == "report.txt"][0]
        download = channel.unary_stream("/platform.lab.v1.ArtifactService/DownloadArtifact",
                                        request_serializer=lambda r: r.SerializeToString(),
                                        response_deserializer=m("platform.lab.v1.DownloadArtifactResponse").FromString)
        chunks = list(download(m("platform.lab.v1.DownloadArtifactRequest")(artifact_id=report.id), timeout=30))
        content = b"".join(c.data for c in chunks)
        digest = hashlib.sha256(content).hexdigest()
        result["reportText"] = content.decode("utf-8")
        result["sha256Matches"] = digest == report.sha256 == chunks[0].sha256
        result["totalSize"] = chunks[0].total_size

        try:
            unary("JobService", "SubmitJob", m("platform.lab.v1.SubmitJobRequest")(kind="system.selftest", spec_json='{"steps":0}'),
                  "platform.lab.v1.SubmitJobResponse")
        except grpc.RpcError as error:
            trailers = dict(error.trailing_metadata())
            status = m("google.rpc.Status").FromString(trailers["grpc-status-details-bin"])
            packed = [d for d in status.details if d.type_url.endswith("/google.rpc.BadRequest")][0]
            bad = m("google.rpc.BadRequest").FromString(packed.value)
            result["error"] = {
                "code": error.code().value[0],
                "details": error.details(),
                "violations": [{"field": v.field, "description": v.description} for v in bad.field_violations],
            }
    print(json.dumps(result))


if __name__ == "__main__":
    main()
