#!/usr/bin/env python3
"""Black-box conformance runner for warren (rabbitmq_auth_backend_http protocol).

Usage: python3 conformance/run.py --url http://127.0.0.1:PORT [--cases conformance/cases.json]
                                  [--only SUBSTRING] [--verbose] [--deny-reasons]

--deny-reasons: the server runs with WARREN_DENY_REASONS=true. Every other answer must be
exactly the same; an expected 'deny' must be 'deny <reason>': the case's expect_body_reasons
when it has one, else one short line of lower-case words.

Python 3 stdlib only. Requests are written on a raw socket so that paths and
query strings reach the server byte for byte as written in cases.json (no
normalisation of '//', '%75', '/./' and the like).
"""
import argparse
import json
import os
import re
import socket
import sys
import time
from urllib.parse import urlsplit

TIMEOUT = 5.0
REASON = re.compile(r"deny [a-z]+( [a-z]+){0,9}")


class HttpError(Exception):
    pass


def build_request(case, host_header):
    target = case["path"]
    if case.get("query") is not None:
        target += "?" + case["query"]
    body = case.get("body")
    body_bytes = body.encode("utf-8") if body is not None else None
    lines = ["%s %s HTTP/1.1" % (case["method"], target),
             "Host: " + host_header,
             "User-Agent: warren-conformance",
             "Accept: */*",
             "Connection: close"]
    if case.get("content_type") is not None:
        lines.append("Content-Type: " + case["content_type"])
    if body_bytes is not None:
        lines.append("Content-Length: %d" % len(body_bytes))
    elif case["method"] in ("POST", "PUT", "PATCH"):
        lines.append("Content-Length: 0")
    head = ("\r\n".join(lines) + "\r\n\r\n").encode("utf-8")
    return head + (body_bytes or b"")


def recv_response(sock, method, deadline):
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = _recv(sock, deadline)
        if not chunk:
            raise HttpError("connection closed before the response head (got %r)" % data[:200])
        data += chunk
    head, rest = data.split(b"\r\n\r\n", 1)
    lines = head.decode("iso-8859-1").split("\r\n")
    parts = lines[0].split(" ", 2)
    if len(parts) < 2 or not parts[0].startswith("HTTP/") or not parts[1].isdigit():
        raise HttpError("bad status line %r" % lines[0])
    status = int(parts[1])
    headers = {}
    for line in lines[1:]:
        if ":" in line:
            k, v = line.split(":", 1)
            headers.setdefault(k.strip().lower(), v.strip())
    if method == "HEAD" or status in (204, 304) or 100 <= status < 200:
        return status, headers, b""
    if "chunked" in headers.get("transfer-encoding", "").lower():
        return status, headers, _read_chunked(sock, rest, deadline)
    if "content-length" in headers:
        n = int(headers["content-length"])
        while len(rest) < n:
            chunk = _recv(sock, deadline)
            if not chunk:
                raise HttpError("connection closed after %d of %d body bytes" % (len(rest), n))
            rest += chunk
        return status, headers, rest[:n]
    while True:  # no length: read to EOF
        chunk = _recv(sock, deadline)
        if not chunk:
            return status, headers, rest
        rest += chunk


def _recv(sock, deadline):
    left = deadline - time.monotonic()
    if left <= 0:
        raise socket.timeout("timed out")
    sock.settimeout(left)
    return sock.recv(65536)


def _read_chunked(sock, buf, deadline):
    out = b""
    while True:
        while b"\r\n" not in buf:
            chunk = _recv(sock, deadline)
            if not chunk:
                raise HttpError("connection closed inside chunked body")
            buf += chunk
        size_line, buf = buf.split(b"\r\n", 1)
        size = int(size_line.split(b";")[0].strip() or b"0", 16)
        if size == 0:
            return out
        while len(buf) < size + 2:
            chunk = _recv(sock, deadline)
            if not chunk:
                raise HttpError("connection closed inside chunk")
            buf += chunk
        out += buf[:size]
        buf = buf[size + 2:]


def send(host, port, case):
    start = time.monotonic()
    deadline = start + TIMEOUT
    with socket.create_connection((host, port), timeout=TIMEOUT) as sock:
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        sock.sendall(build_request(case, "%s:%d" % (host, port)))
        status, headers, body = recv_response(sock, case["method"], deadline)
    return status, headers, body, time.monotonic() - start


def body_ok(case, text, deny_reasons):
    expected = case["expect_body"]
    if not deny_reasons or expected != "deny":
        return text == expected
    if "expect_body_reasons" in case:
        return text == case["expect_body_reasons"]
    return text is not None and len(text) <= 60 and REASON.fullmatch(text) is not None


def check(case, status, headers, body, elapsed, deny_reasons=False):
    errors = []
    if status >= 500:
        errors.append("server answered %d (5xx is never acceptable)" % status)
    if status != case["expect_status"]:
        errors.append("status %d, expected %d" % (status, case["expect_status"]))
    if status == 200:
        ct = headers.get("content-type", "")
        if not ct.lower().startswith("text/plain"):
            errors.append("Content-Type %r does not start with text/plain" % ct)
    if case["expect_status"] == 200 and case.get("expect_body") is not None and status == 200:
        try:
            text = body.decode("utf-8")
        except UnicodeDecodeError:
            text = None
        if not body_ok(case, text, deny_reasons):
            want = case.get("expect_body_reasons", "deny <reason>") if deny_reasons and case["expect_body"] == "deny" \
                else case["expect_body"]
            errors.append("body %r, expected %r" % (body[:200], want))
    limit = case.get("max_seconds")
    if limit is not None and elapsed > limit:
        errors.append("took %.3f s, limit %.3f s" % (elapsed, limit))
    return errors


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--url", required=True, help="base URL, e.g. http://127.0.0.1:18080")
    ap.add_argument("--cases", default=os.path.join(os.path.dirname(os.path.abspath(__file__)), "cases.json"))
    ap.add_argument("--only", help="run only cases whose id contains this substring")
    ap.add_argument("--verbose", "-v", action="store_true", help="print a line for passing cases too")
    ap.add_argument("--deny-reasons", action="store_true",
                    help="the server runs with WARREN_DENY_REASONS=true: refusals are 'deny <reason>'")
    args = ap.parse_args(argv)

    u = urlsplit(args.url)
    if u.scheme != "http" or not u.hostname:
        ap.error("--url must look like http://HOST:PORT")
    host, port = u.hostname, u.port or 80
    if u.path not in ("", "/"):
        ap.error("--url must not carry a path: case paths are absolute")

    with open(args.cases, encoding="utf-8") as f:
        cases = json.load(f)
    if args.only:
        cases = [c for c in cases if args.only in c["id"]]

    passed = failed = 0
    for case in cases:
        try:
            status, headers, body, elapsed = send(host, port, case)
            errors = check(case, status, headers, body, elapsed, args.deny_reasons)
        except (OSError, HttpError, ValueError) as e:
            errors = ["request failed: %s: %s" % (type(e).__name__, e)]
        if errors:
            failed += 1
            print("FAIL %s: %s  (%s)" % (case["id"], "; ".join(errors), case.get("note", "")))
        else:
            passed += 1
            if args.verbose:
                print("ok   %s" % case["id"])
    sys.stdout.flush()
    print("conformance: %d passed, %d failed" % (passed, failed))
    return 1 if failed or not cases else 0


if __name__ == "__main__":
    sys.exit(main())
