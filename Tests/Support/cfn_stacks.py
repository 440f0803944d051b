"""Makes a CloudFormation stack with tags in a moto server, as LISA's deploy leaves one (boto3, independent of lisa).

    cfn_stacks.py --endpoint URL --name STACK [--tag KEY=VALUE ...]
"""
import argparse
import json

import boto3


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--endpoint", required=True)
    parser.add_argument("--name", required=True)
    parser.add_argument("--tag", action="append", default=[])
    args = parser.parse_args()
    client = boto3.client("cloudformation", endpoint_url=args.endpoint, region_name="us-east-1",
                          aws_access_key_id="AKIDMOTOTEST", aws_secret_access_key="moto-secret-key")
    template = {"Resources": {"Topic": {"Type": "AWS::SNS::Topic"}}}
    tags = [{"Key": k, "Value": v} for k, v in (t.split("=", 1) for t in args.tag)]
    client.create_stack(StackName=args.name, TemplateBody=json.dumps(template), Tags=tags)


if __name__ == "__main__":
    main()
