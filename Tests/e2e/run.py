"""Runs the browser tests against a real server: builds taitotutka (unless --binary is given), makes a
fresh database in a temporary folder, migrates it, fills it with demo data (once `taitotutka demo`
exists), serves it on a free loopback port, runs pytest over Tests/e2e and always stops the server.

Run with the Python of .build-e2e/venv (scripts/e2e-setup.sh makes it): `make e2e` does both.
Arguments after `--` go to pytest, e.g. `-- -k anonymous -x`.
"""
import argparse
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", ".."))
ARTIFACTS = os.path.join(ROOT, ".build-e2e", "last-run")
DEMO_EMPLOYEES = "300"
DEMO_SEED = "1"
START_TIMEOUT = 30


def fail(message):
    print(f"e2e: {message}", file=sys.stderr)
    sys.exit(2)


def run_command(binary, *arguments, timeout=600):
    completed = subprocess.run([binary, *arguments], capture_output=True, text=True, timeout=timeout)
    if completed.returncode != 0:
        fail(f"`taitotutka {' '.join(arguments)}` failed ({completed.returncode}):\n"
             f"{completed.stdout}{completed.stderr}")
    return completed


def has_demo_command(binary):
    # Not the exit status: `serve` is the default subcommand, so before `demo` exists
    # `taitotutka demo --help` prints serve's help and succeeds.
    completed = subprocess.run([binary, "demo", "--help"], capture_output=True, text=True, timeout=60)
    return completed.returncode == 0 and "--employees" in completed.stdout + completed.stderr


def free_port():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start_server(binary, root, database, log_path, second_factor_optional=True):
    """Starts `taitotutka serve` and waits for its 'serving http://…' line; returns (process, url).
    The tests sign in as HR and administrators many times a minute, and an authenticator code works
    once, so the shared server lets those roles in with the password alone; test_second_factor.py
    starts a server of its own that requires the code."""
    log = open(log_path, "wb")
    optional = ["--second-factor-optional"] if second_factor_optional else []
    process = subprocess.Popen(
        [binary, "serve", "--root", root, "--database", database, "--host", "127.0.0.1",
         "--port", str(free_port()), *optional],
        stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    log.close()
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline:
        with open(log_path, "rb") as file:
            for line in file.read().decode(errors="replace").splitlines():
                if "serving http://" in line:
                    return process, "http://" + line.split("http://", 1)[1].strip().rstrip("/")
        if process.poll() is not None:
            break
        time.sleep(0.05)
    stop_server(process)
    with open(log_path, "rb") as file:
        fail(f"the server did not start:\n{file.read().decode(errors='replace')[-3000:]}")


def stop_server(process):
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--binary", help="taitotutka to test (default: `make build`'s debug build)")
    parser.add_argument("--root", default=ROOT,
                        help="project folder with Migrations/, Templates/, Public/ (default: this one)")
    parser.add_argument("pytest_arguments", nargs="*", help="passed to pytest (after --)")
    options = parser.parse_args()

    binary = options.binary
    if binary is None:
        if subprocess.run(["make", "-s", "-C", ROOT, "build"]).returncode != 0:
            fail("`make build` failed")
        binary = os.path.join(ROOT, ".build", "debug", "taitotutka")
    binary = os.path.abspath(binary)
    if not os.access(binary, os.X_OK):
        fail(f"no taitotutka binary at {binary}")

    shutil.rmtree(ARTIFACTS, ignore_errors=True)
    os.makedirs(ARTIFACTS)
    folder = tempfile.mkdtemp(prefix="taitotutka-e2e-")
    database = os.path.join(folder, "e2e.sqlite")
    server = None
    try:
        root = os.path.abspath(options.root)
        run_command(binary, "migrate", "--root", root, "--database", database)
        demo = has_demo_command(binary)
        if demo:
            run_command(binary, "demo", "--root", root, "--database", database,
                        "--employees", DEMO_EMPLOYEES, "--seed", DEMO_SEED)
        else:
            print("e2e: *** `taitotutka demo` does not exist yet: the app's page tests are SKIPPED ***")
        server, url = start_server(binary, root, database, os.path.join(ARTIFACTS, "serve.log"))
        os.environ.update(E2E_BASE_URL=url, E2E_DEMO="1" if demo else "0", E2E_ARTIFACTS=ARTIFACTS,
                          E2E_DATABASE=database, E2E_BINARY=binary, E2E_ROOT=root)
        sys.dont_write_bytecode = True  # no __pycache__ folders in the work tree
        import pytest
        code = pytest.main([HERE, "-q", "-p", "no:cacheprovider", "-rs", "--tb=short",
                            *options.pytest_arguments])
    finally:
        if server is not None:
            stop_server(server)
        shutil.rmtree(folder, ignore_errors=True)
    if code != 0:
        print(f"e2e: failed; served HTML, report.txt and the server's log are in {ARTIFACTS}",
              file=sys.stderr)
    return int(code)


if __name__ == "__main__":
    sys.exit(main())
