# JupyterHub for the end-to-end tests (bin/e2e-services.sh): Debian's jupyterhub 3.x package,
# every port on loopback, user servers as local processes, login only through the signed headers
# of the portal (authenticator.py next to this file).
#
# Environment (set by bin/e2e-services.sh):
#   E2E_STATE_DIR         writable folder for the database, cookie secret, pid files and homes
#   AUTH_SIG_SECRET_FILE  the header secret shared with the portal (portal.gateway.header-secret)
#   PORTAL_URL            the portal's external address; /hub/logout goes to <PORTAL_URL>/logout
#   HUB_PUBLIC_PORT       configurable-http-proxy's public port (18000); nginx proxies to it
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
STATE = os.environ["E2E_STATE_DIR"]
PUBLIC_PORT = int(os.environ.get("HUB_PUBLIC_PORT", "18000"))

sys.path.insert(0, HERE)
from authenticator import SignedHeaderAuthenticator  # noqa: E402

c = get_config()  # noqa: F821 - provided by JupyterHub when it loads this file

c.JupyterHub.authenticator_class = SignedHeaderAuthenticator
c.SignedHeaderAuthenticator.auto_login = True

c.JupyterHub.ip = "127.0.0.1"
c.JupyterHub.port = PUBLIC_PORT
c.JupyterHub.hub_ip = "127.0.0.1"
c.JupyterHub.hub_port = PUBLIC_PORT + 2
c.ConfigurableHTTPProxy.api_url = f"http://127.0.0.1:{PUBLIC_PORT + 1}"
# nodesource's node does not search Debian's module folder; without this CHP dies with
# "Cannot find module 'commander'" and the hub with "Failed to start proxy".
os.environ["NODE_PATH"] = "/usr/share/nodejs"
c.ConfigurableHTTPProxy.command = ["/usr/bin/configurable-http-proxy"]
c.ConfigurableHTTPProxy.pid_file = os.path.join(STATE, "proxy.pid")

c.JupyterHub.pid_file = os.path.join(STATE, "hub.pid")
c.JupyterHub.db_url = "sqlite:///" + os.path.join(STATE, "jupyterhub.sqlite")
c.JupyterHub.cookie_secret_file = os.path.join(STATE, "jupyterhub_cookie_secret")
c.JupyterHub.cleanup_servers = True
c.JupyterHub.cleanup_proxy = True
c.JupyterHub.redirect_to_server = False

c.JupyterHub.spawner_class = "jupyterhub.spawner.SimpleLocalProcessSpawner"
c.SimpleLocalProcessSpawner.home_dir_template = os.path.join(STATE, "home", "{username}")
c.Spawner.cmd = ["/usr/bin/jupyterhub-singleuser"]
# The tests run as root, and notebook refuses root without this.
c.Spawner.args = ["--allow-root"]
# Debian 12 has notebook 6 but no jupyter_server: use the classic single-user app.
c.Spawner.environment = {"JUPYTERHUB_SINGLEUSER_APP": "notebook.notebookapp.NotebookApp"}
c.Spawner.default_url = "/tree"
c.Spawner.ip = "127.0.0.1"
c.Spawner.start_timeout = 60
c.Spawner.http_timeout = 60
