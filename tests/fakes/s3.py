"""A real S3-protocol server on loopback for the tests: moto's, in a thread of the test
process (HTTP on 127.0.0.1, any S3 client talks to it; nothing is mocked in the client).

`S3Target` is what a test needs to point Tijara at it: the endpoint, an `s3://bucket/prefix`
URL (a bucket of its own per test), and the settings / environment that go with them.
"""

from __future__ import annotations

import logging
import uuid
from typing import NamedTuple

# Any key works with moto; these keep botocore from looking for real credentials.
CREDENTIALS = {"AWS_ACCESS_KEY_ID": "tijara-test", "AWS_SECRET_ACCESS_KEY": "tijara-test",
               "AWS_REGION": "us-east-1"}


class S3Target(NamedTuple):
    endpoint_url: str
    url: str  # s3://bucket/prefix

    @property
    def bucket(self) -> str:
        return self.url.removeprefix("s3://").split("/", 1)[0]

    @property
    def prefix(self) -> str:
        return self.url.removeprefix("s3://").partition("/")[2]

    def env(self) -> dict[str, str]:
        """For a `tijara` process: MEDIA_STORE and the AWS_* settings."""
        return {"MEDIA_STORE": self.url, "AWS_ENDPOINT_URL": self.endpoint_url, **CREDENTIALS}

    def settings(self) -> dict[str, str]:
        """For `Settings.model_copy(update=...)`."""
        return {k.lower(): v for k, v in self.env().items()}


class S3Server:
    def __init__(self) -> None:
        from moto.server import ThreadedMotoServer

        logging.getLogger("werkzeug").setLevel(logging.WARNING)  # a line per request
        self.server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
        self.server.start()
        host, port = self.server.get_host_and_port()
        self.endpoint_url = f"http://{host}:{port}"

    def client(self):
        """A plain (blocking) boto3 client, for a test to look inside the bucket."""
        import boto3

        return boto3.client("s3", endpoint_url=self.endpoint_url,
                            aws_access_key_id=CREDENTIALS["AWS_ACCESS_KEY_ID"],
                            aws_secret_access_key=CREDENTIALS["AWS_SECRET_ACCESS_KEY"],
                            region_name=CREDENTIALS["AWS_REGION"])

    def new_target(self, prefix: str = "tijara") -> S3Target:
        bucket = f"t-{uuid.uuid4().hex[:20]}"
        self.client().create_bucket(Bucket=bucket)
        return S3Target(self.endpoint_url, f"s3://{bucket}/{prefix}")

    def stop(self) -> None:
        self.server.stop()
