"""Start/stop a private Dovecot IMAP server for tests (no systemd, no root needed).

Recipe and measurements: /work/shared/design/dovecot-harness.md. Each ``Dovecot`` owns a short
temporary root (``/dev/shm/dvXXXX``: unix socket paths must stay under 108 bytes, so never
pytest's ``tmp_path``), two random ports on 127.0.0.1 (plain+STARTTLS and implicit TLS), a
self-signed EC certificate and a config that includes nothing from ``/etc/dovecot``.

Any user named ``t-<anything>`` logs in with password ``test`` and gets a fresh empty account,
which is how tests stay isolated on one shared server.

Fault injection: ``stop()`` (clean, clients see BYE), ``kill_hard()`` (crash), ``kick(user)``,
``freeze()``/``thaw()`` (SIGSTOP/SIGCONT: a hung server). ``start()`` may be called again after
``stop()``/``kill_hard()``: same root, ports, cert and mail, so UIDVALIDITY survives.
``extra`` is appended to the config, e.g. ``protocol imap { imap_capability = IMAP4rev1 }``
to simulate a less capable server.
"""

from __future__ import annotations

import atexit
import ctypes
import grp
import os
import pwd
import shutil
import signal
import socket
import ssl
import subprocess
import sys
import tempfile
import threading
import time
import weakref
from types import TracebackType

DOVECOT = (
    shutil.which("dovecot", path=os.environ.get("PATH", "") + ":/usr/sbin") or "/usr/sbin/dovecot"
)
DOVEADM = (
    shutil.which("doveadm", path=os.environ.get("PATH", "") + ":/usr/bin") or "/usr/bin/doveadm"
)

# Section 3 of dovecot-harness.md, as a str.format template (literal braces doubled).
CONF = """\
# --- private test instance; nothing from /etc/dovecot is included ---
instance_name = imaptest-{imap_port}
base_dir = {root}/run
state_dir = {root}/state
log_path = {root}/dovecot.log
info_log_path = {root}/dovecot.log
protocols = imap
listen = 127.0.0.1
{privsep}
service imap-login {{
  chroot =
  inet_listener imap {{
    address = 127.0.0.1
    port = {imap_port}
  }}
  inet_listener imaps {{
    address = 127.0.0.1
    port = {imaps_port}
    ssl = yes
  }}
}}
ssl = yes
ssl_cert = <{root}/cert.pem
ssl_key = <{root}/key.pem
disable_plaintext_auth = no
auth_mechanisms = plain login
passdb {{
  driver = passwd-file
  args = scheme=PLAIN username_format=%u {root}/users
}}
# any "t-<anything>" user with password "test" gets a fresh empty account (per-test isolation)
passdb {{
  driver = static
  args = password=test
  username_filter = t-*
}}
# no brute-force penalty: tests log in with wrong passwords on purpose
auth_failure_delay = 0
service anvil {{
  chroot =
  unix_listener anvil-auth-penalty {{
    mode = 0
  }}
}}
userdb {{
  driver = static
  args = uid={uid} gid={gid} home={root}/mail/%u
}}
mail_location = maildir:~/Maildir
mail_fsync = {mail_fsync}
namespace inbox {{
  inbox = yes
  separator = /
  mailbox Drafts {{
    auto = subscribe
    special_use = \\Drafts
  }}
  mailbox Sent {{
    auto = subscribe
    special_use = \\Sent
  }}
  mailbox Trash {{
    auto = subscribe
    special_use = \\Trash
  }}
  mailbox Junk {{
    auto = subscribe
    special_use = \\Junk
  }}
}}
protocol imap {{
  mail_max_userip_connections = 200
  imap_idle_notify_interval = 2 mins
}}
mailbox_idle_check_interval = 1 secs
{extra}
"""

# Rootless mode does not work as root (imap-login refuses to run as root), hence the branch
# in write_config().
ROOTLESS = """\
default_internal_user = {user}
default_internal_group = {group}
default_login_user = {user}
"""

_LIVE: weakref.WeakSet[Dovecot] = weakref.WeakSet()


@atexit.register
def _stop_leftovers() -> None:
    """A test run that dies with an exception still stops its servers."""
    for d in list(_LIVE):
        if os.environ.get("DOVECOT_TEST_KEEP"):
            d.stop()
        else:
            d.cleanup()


def _die_with_parent() -> None:
    """Runs in the child: SIGTERM the server if pytest itself is SIGKILLed (Linux only)."""
    if sys.platform.startswith("linux"):
        ctypes.CDLL(None).prctl(1, signal.SIGTERM)  # 1 == PR_SET_PDEATHSIG


def available() -> bool:
    """True when the dovecot binary and openssl exist on this machine."""
    return os.access(DOVECOT, os.X_OK) and shutil.which("openssl") is not None


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def make_cert(root: str) -> None:
    # EC key: 0.013 s against 0.3-0.5 s for RSA-2048
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1",
         "-nodes", "-days", "2", "-subj", "/CN=localhost",
         "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1",
         "-keyout", f"{root}/key.pem", "-out", f"{root}/cert.pem"],
        check=True,
        capture_output=True,
    )  # fmt: skip


class Dovecot:
    """One private Dovecot instance. Use as a context manager or call start()/cleanup()."""

    def __init__(
        self,
        users: dict[str, str] | None = None,
        imap_port: int | None = None,
        imaps_port: int | None = None,
        root: str | None = None,
        mail_fsync: str = "never",
        extra: str = "",
    ) -> None:
        self.mail_fsync = mail_fsync
        self.extra = extra
        self.users = users or {"alice": "alicepw", "bob": "bobpw"}
        self.imap_port = imap_port or free_port()
        self.imaps_port = imaps_port or free_port()
        tmp = os.environ.get("DOVECOT_TEST_TMPDIR") or (
            "/dev/shm" if os.access("/dev/shm", os.W_OK) else None
        )
        self.root = root or tempfile.mkdtemp(prefix="dv", dir=tmp)  # short: socket paths
        self.proc: subprocess.Popen[bytes] | None = None
        self.startup_seconds = 0.0
        # tests stop or kill the server from a helper thread while the main thread reconnects
        self._lock = threading.RLock()

    @property
    def cert_file(self) -> str:
        return f"{self.root}/cert.pem"

    @property
    def running(self) -> bool:
        return self.proc is not None and self.proc.poll() is None

    def write_config(self) -> str:
        os.makedirs(f"{self.root}/mail", exist_ok=True)
        if os.geteuid() == 0:
            # mail must not be owned by uid 0, and the auth process (user dovecot) reads `users`
            pw = pwd.getpwnam(os.environ.get("DOVECOT_TEST_MAIL_USER", "nobody"))
            uid, gid, privsep = pw.pw_uid, pw.pw_gid, ""
            os.chmod(self.root, 0o755)
            os.chown(f"{self.root}/mail", uid, gid)
        else:
            uid, gid = os.getuid(), os.getgid()
            privsep = ROOTLESS.format(
                user=pwd.getpwuid(uid).pw_name, group=grp.getgrgid(gid).gr_name
            )
        if not os.path.exists(self.cert_file):
            make_cert(self.root)
        with open(f"{self.root}/users", "w", encoding="utf-8") as f:
            f.writelines(f"{u}:{{PLAIN}}{p}\n" for u, p in self.users.items())
        conf = f"{self.root}/dovecot.conf"
        with open(conf, "w", encoding="utf-8") as f:
            f.write(
                CONF.format(
                    root=self.root,
                    privsep=privsep,
                    uid=uid,
                    gid=gid,
                    mail_fsync=self.mail_fsync,
                    extra=self.extra,
                    imap_port=self.imap_port,
                    imaps_port=self.imaps_port,
                )
            )
        return conf

    def start(self, timeout: float = 10.0) -> Dovecot:
        with self._lock:
            self.stop()  # a restart: never two masters on one root
            return self._start(timeout)

    def _start(self, timeout: float) -> Dovecot:
        conf, t0 = self.write_config(), time.monotonic()
        # own session = own process group: signals reach the per-connection imap processes too
        self.proc = subprocess.Popen(
            [DOVECOT, "-F", "-c", conf],
            start_new_session=True,
            preexec_fn=_die_with_parent,  # nothing threaded runs before exec
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
        )
        _LIVE.add(self)
        while True:  # ready = the greeting arrives on the plain port
            if self.proc.poll() is not None:
                out = self.proc.stdout.read().decode() if self.proc.stdout else ""
                self.proc = None
                raise RuntimeError("dovecot exited:\n" + out + self.log())
            try:
                with socket.create_connection(("127.0.0.1", self.imap_port), timeout=1) as s:
                    if s.recv(200).startswith(b"* OK"):
                        s.sendall(b"a LOGOUT\r\n")
                        break
            except OSError:
                pass
            if time.monotonic() > t0 + timeout:
                self.stop()
                raise RuntimeError("dovecot did not come up:\n" + self.log())
            time.sleep(0.02)
        self.startup_seconds = time.monotonic() - t0
        return self

    def log(self) -> str:
        try:
            with open(f"{self.root}/dovecot.log", encoding="utf-8", errors="replace") as f:
                return f.read()
        except OSError:
            return ""

    def _killpg(self, sig: signal.Signals) -> None:
        if self.proc is None:
            return
        try:
            os.killpg(self.proc.pid, sig)
        except (ProcessLookupError, PermissionError):
            pass

    def _reap(self) -> None:
        assert self.proc is not None
        self.proc.wait()
        if self.proc.stdout:
            self.proc.stdout.close()
        self.proc = None

    def stop(self, timeout: float = 10) -> None:
        """Clean stop: the whole group gets SIGTERM, connected clients see BYE.

        SIGTERM to the master alone leaves the imap processes serving as orphans.
        """
        with self._lock:
            if self.proc is None:
                return
            self.thaw()  # a stopped process cannot act on SIGTERM
            self._killpg(signal.SIGTERM)
            try:
                self.proc.wait(timeout)
            except subprocess.TimeoutExpired:
                pass
            self._killpg(signal.SIGKILL)  # reap stragglers of the group
            self._reap()

    def kill_hard(self) -> None:
        """Fault injection: crash / OOM kill of every server process."""
        with self._lock:
            if self.proc is None:
                return
            self._killpg(signal.SIGKILL)
            self._reap()

    def freeze(self) -> None:
        """Fault injection: a hung server (SIGSTOP to the group). Always thaw() afterwards."""
        self._killpg(signal.SIGSTOP)

    def thaw(self) -> None:
        self._killpg(signal.SIGCONT)

    def kick(self, user: str, timeout: float = 10.0) -> None:
        """Fault injection: the server drops one user's sessions, and this returns once they
        are gone (doveadm kick only signals the imap processes; on a loaded machine a client
        could otherwise still be served before its process acts on the signal)."""
        conf = f"{self.root}/dovecot.conf"
        subprocess.run([DOVEADM, "-c", conf, "kick", user], check=True, capture_output=True)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            who = subprocess.run(
                [DOVEADM, "-c", conf, "who", "-1"], capture_output=True, text=True, check=False
            )
            if not any(line.split()[:1] == [user] for line in who.stdout.splitlines()):
                return
            time.sleep(0.05)
        raise AssertionError(f"dovecot still serves {user} {timeout} s after the kick")

    def cleanup(self) -> None:
        self.stop()
        shutil.rmtree(self.root, ignore_errors=True)
        _LIVE.discard(self)

    def ssl_context(self) -> ssl.SSLContext:
        return ssl.create_default_context(cafile=self.cert_file)

    def __enter__(self) -> Dovecot:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.cleanup()
