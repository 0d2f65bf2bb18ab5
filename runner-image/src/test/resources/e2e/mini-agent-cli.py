#!/usr/bin/env python3
"""A stand-in for an agent CLI, for decaybench's end-to-end tests.

Usage: mini-agent-cli.py PROMPT_FILE. Like a real agent CLI it reads the model settings that
decaybench's command agent passes in the environment (DECAYBENCH_ENDPOINT, DECAYBENCH_MODEL,
DECAYBENCH_API_KEY), asks the model in a loop, carries out its tool calls in the current
directory (files written with the default mode, 644) and prints what it does: that output is
the trial's trajectory.
"""
import json
import os
import subprocess
import sys
import urllib.request

TOOLS = [
    {"type": "function", "function": {"name": "write_file", "parameters": {"type": "object", "properties": {
        "path": {"type": "string"}, "content": {"type": "string"}}, "required": ["path", "content"]}}},
    {"type": "function", "function": {"name": "run_shell", "parameters": {"type": "object", "properties": {
        "command": {"type": "string"}}, "required": ["command"]}}},
    {"type": "function", "function": {"name": "finish", "parameters": {"type": "object", "properties": {
        "summary": {"type": "string"}}}}},
]


USAGE = {"promptTokens": 0, "completionTokens": 0, "calls": 0}


def report_usage():
    # decaybench's usage contract: a JSON file at DECAYBENCH_USAGE_FILE
    with open(os.environ["DECAYBENCH_USAGE_FILE"], "w", encoding="utf-8") as f:
        json.dump(USAGE, f)


def ask(messages):
    url = os.environ["DECAYBENCH_ENDPOINT"].rstrip("/") + "/chat/completions"
    body = json.dumps({"model": os.environ.get("DECAYBENCH_MODEL", ""), "messages": messages,
                       "tools": TOOLS}).encode()
    request = urllib.request.Request(url, data=body, headers={
        "Content-Type": "application/json",
        "Authorization": "Bearer " + os.environ.get("DECAYBENCH_API_KEY", "")})
    with urllib.request.urlopen(request, timeout=60) as response:
        reply = json.load(response)
    USAGE["calls"] += 1
    USAGE["promptTokens"] += reply["usage"]["prompt_tokens"]
    USAGE["completionTokens"] += reply["usage"]["completion_tokens"]
    report_usage()
    return reply["choices"][0]["message"]


def run(name, args):
    if name == "write_file":
        directory = os.path.dirname(args["path"])
        if directory:
            os.makedirs(directory, exist_ok=True)
        with open(args["path"], "w", encoding="utf-8") as f:
            f.write(args["content"])
        return "wrote %d bytes to %s" % (len(args["content"].encode()), args["path"])
    if name == "run_shell":
        done = subprocess.run(["bash", "-c", args["command"]], capture_output=True, text=True,
                              stdin=subprocess.DEVNULL, timeout=60)
        return "exit code %d\n%s%s" % (done.returncode, done.stdout, done.stderr)
    return "unknown tool " + name


def main():
    prompt = open(sys.argv[1], encoding="utf-8").read()
    messages = [{"role": "system", "content": "You are a coding agent. Use the tools."},
                {"role": "user", "content": prompt}]
    for step in range(1, int(os.environ.get("DECAYBENCH_MAX_STEPS", "60")) + 1):
        reply = ask(messages)
        messages.append(reply)
        for call in reply.get("tool_calls") or []:
            name = call["function"]["name"]
            args = json.loads(call["function"]["arguments"])
            if name == "finish":
                print("step %d: finish: %s" % (step, args.get("summary", "")))
                return 0
            result = run(name, args)
            print("step %d: %s %s -> %s" % (step, name, args.get("path", args.get("command", "")),
                                            result.strip()))
            messages.append({"role": "tool", "tool_call_id": call["id"], "content": result})
    print("stopped: step limit")
    return 1


if __name__ == "__main__":
    sys.exit(main())
