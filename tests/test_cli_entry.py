"""The console script (reader.entry): Ctrl+C at any moment is one line and exit 130."""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow  # every test starts the command

CONSOLE_SCRIPT = Path(sys.executable).parent / "reader"


def interrupted_while_importing(module: str, argv: list[str], env: dict[str, str]):
    """Run the console script with Ctrl+C delivered the moment ``module`` starts importing:
    exactly the window where a traceback used to appear."""
    code = (
        "import os, signal, sys\n"
        "class Hook:\n"
        "    def find_spec(self, name, path=None, target=None):\n"
        f"        if name == {module!r}:\n"
        "            os.kill(os.getpid(), signal.SIGINT)\n"
        "        return None\n"
        "sys.meta_path.insert(0, Hook())\n"
        f"sys.argv = [{str(CONSOLE_SCRIPT)!r}, *{argv!r}]\n"
        f"exec(open({str(CONSOLE_SCRIPT)!r}).read())\n"
    )
    return subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=60
    )


@pytest.fixture
def env(tmp_path):
    return {**os.environ, "XDG_DATA_HOME": str(tmp_path), "XDG_CONFIG_HOME": str(tmp_path)}


@pytest.mark.parametrize(
    ("module", "argv"),
    [
        ("reader.cli", ["--format", "text", "-"]),
        ("reader.library.commands", ["list"]),
        ("sqlite3", ["list"]),
        ("reader.pipeline", ["--format", "text", "-"]),
    ],
)
def test_ctrl_c_while_importing_is_one_line_and_exit_130(module, argv, env):
    done = interrupted_while_importing(module, argv, env)
    assert done.returncode == 130
    assert done.stderr == "reader: interrupted\n"
    assert done.stdout == ""


def test_ctrl_c_while_waiting_for_input_is_one_line_and_exit_130(env):
    # The command is reading standard input, which never ends: Ctrl+C is the way out.
    process = subprocess.Popen(
        [str(CONSOLE_SCRIPT), "--format", "text", "-"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
    )
    try:
        assert process.stdin is not None
        process.stdin.write(b"Title\n\nThe first words of a long story.\n")
        process.stdin.flush()
        time.sleep(1.5)  # well past start-up, into the read
        process.send_signal(signal.SIGINT)
        _, err = process.communicate(timeout=30)
    finally:
        process.kill()
    assert process.returncode == 130
    assert err.decode() == "reader: interrupted\n"


@pytest.mark.parametrize("delay", [0.0, 0.02, 0.05, 0.1, 0.2])
def test_ctrl_c_at_any_moment_never_prints_a_traceback(delay, env):
    # Before the console script runs, the interpreter's own start-up is not ours; from the
    # script on, whatever the moment, a Ctrl+C ends in one line or the command finishes.
    process = subprocess.Popen(
        [str(CONSOLE_SCRIPT), "list"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env
    )
    time.sleep(delay)
    process.send_signal(signal.SIGINT)
    _, err = process.communicate(timeout=30)
    if b"Traceback" in err:
        # Only what runs before the script's run(): the interpreter's start-up (site, the
        # .pth files) and the package's __init__, not one line of reader.entry onwards.
        assert b"entry.py" not in err
        assert not any(name in err for name in (b"reader/cli.py", b"reader/library"))
    elif process.returncode == -signal.SIGINT:
        assert err == b""  # before the interpreter set its handler: killed, silently
    else:
        assert process.returncode in (0, 130)
        assert err in (b"", b"reader: interrupted\n")
