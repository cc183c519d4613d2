#!/usr/bin/env python3
"""Turns the recorded TWS Robot API exchanges into plain HTTP messages the test kit's fake host serves.

Usage: python3 tools/host_api_exchanges.py ../shared/fixtures/host/api \
         maintenance-testkit/src/main/resources/com/twsrobot/maintenance/testkit/host-api

Source: the project's shared fixtures host/api/NN_name.json, 82 HTTP exchanges recorded from the host's own
code (evanlow/tws_robot at 51bc87a; see README.md copied beside the output). For each exchange it writes
NN_name.request.http and NN_name.response.http: the start line, every header in the recorded order, a blank
line and the body exactly as recorded (LF line ends in the head; the body byte for byte). Nothing else is
changed, so the test kit needs no JSON parser to replay them.
"""
import json
import shutil
import sys
from pathlib import Path


def main(src: Path, out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    for f in sorted(src.glob('[0-9][0-9]_*.json')):
        d = json.loads(f.read_text(encoding='utf-8'))
        rq, rs = d['request'], d['response']
        head = [f"{rq['method']} {rq['path']} HTTP/1.1"] + [f'{k}: {v}' for k, v in rq['headers'].items()]
        (out / (f.stem + '.request.http')).write_bytes(
            ('\n'.join(head) + '\n\n' + (rq['body'] or '')).encode('utf-8'))
        head = [f"HTTP/1.1 {rs['status']} {rs['reason']}"] + [f'{k}: {v}' for k, v in rs['headers']]
        (out / (f.stem + '.response.http')).write_bytes(
            ('\n'.join(head) + '\n\n' + (rs['body'] or '')).encode('utf-8'))
    shutil.copyfile(src / 'README.md', out / 'README.md')


if __name__ == '__main__':
    main(Path(sys.argv[1]), Path(sys.argv[2]))
