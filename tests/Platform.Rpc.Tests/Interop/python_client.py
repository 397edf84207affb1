"""gRPC C-core (Debian python3-grpcio) client used by tests/Platform.Rpc.Tests.

Usage: /usr/bin/python3 python_client.py <host:port>. Messages are hand-encoded protobuf, so no
generated code is needed. Prints one JSON line with what it observed.
"""
import json
import sys

import grpc


def encode_string(field, value):
    data = value.encode("utf-8")
    return bytes([(field << 3) | 2, len(data)]) + data


def decode_fields(data):
    fields, i = {}, 0
    while i < len(data):
        tag = data[i]
        i += 1
        field, wire = tag >> 3, tag & 7
        if wire == 0:
            value, shift = 0, 0
            while True:
                b = data[i]
                i += 1
                value |= (b & 0x7F) << shift
                shift += 7
                if not b & 0x80:
                    break
            fields[field] = value
        elif wire == 2:
            length = data[i]
            i += 1
            fields[field] = data[i:i + length]
            i += length
        else:
            raise ValueError("unexpected wire type %d" % wire)
    return fields


def main():
    address = sys.argv[1]
    result = {}
    with grpc.insecure_channel(address) as channel:
        echo = channel.unary_unary("/platform.testing.v1.TestService/Echo")
        response, call = echo.with_call(encode_string(1, "from python"), metadata=[("x-user", "carol")], timeout=10)
        result["message"] = decode_fields(response)[1].decode("utf-8")
        result["echoUser"] = dict(call.initial_metadata()).get("echo-user")
        result["trailerUser"] = dict(call.trailing_metadata()).get("trailer-user")

        check = channel.unary_unary("/grpc.health.v1.Health/Check")
        result["health"] = decode_fields(check(encode_string(1, ""), timeout=10)).get(1, 0)

        fail = channel.unary_unary("/platform.testing.v1.TestService/Fail")
        try:
            fail(bytes([0x08, 5]) + encode_string(2, "missing"), timeout=10)
            result["failCode"] = 0
        except grpc.RpcError as error:
            result["failCode"] = error.code().value[0]
            result["failDetails"] = error.details()
    print(json.dumps(result))


if __name__ == "__main__":
    main()
