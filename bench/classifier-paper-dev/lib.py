"""Renders failure samples in the paper's shape (newman_summary; server_log = the last 30 lines of the
server log; trajectory = the last 20 turns, each cut to 3000 characters) from a compact spec."""
import json, random

SLUG = "how-to-train-your-dragon-k3x9q"
REQS = [  # key, name, method, path, checks
    ("reg", "Register", "POST", "/api/users", 6),
    ("login", "Login", "POST", "/api/users/login", 6),
    ("loginTok", "Login and Remember Token", "POST", "/api/users/login", 7),
    ("curUser", "Current User", "GET", "/api/user", 5),
    ("updUser", "Update User", "PUT", "/api/user", 5),
    ("all1", "All Articles", "GET", "/api/articles", 5),
    ("author1", "Articles by Author", "GET", "/api/articles?author=johnjacob", 5),
    ("fav1", "Articles Favorited by Username", "GET", "/api/articles?favorited=user", 5),
    ("tag1", "Articles by Tag", "GET", "/api/articles?tag=dragons", 5),
    ("create", "Create Article", "POST", "/api/articles", 13),
    ("feed", "Feed", "GET", "/api/articles/feed", 5),
    ("all2", "All Articles", "GET", "/api/articles", 17),
    ("allAuth", "All Articles with auth", "GET", "/api/articles", 17),
    ("author2", "Articles by Author", "GET", "/api/articles?author=user", 17),
    ("authorAuth", "Articles by Author with auth", "GET", "/api/articles?author=user", 17),
    ("single", "Single Article by slug", "GET", "/api/articles/{slug}", 13),
    ("tag2", "Articles by Tag", "GET", "/api/articles?tag=dragons", 17),
    ("updArt", "Update Article", "PUT", "/api/articles/{slug}", 13),
    ("favorite", "Favorite Article", "POST", "/api/articles/{slug}/favorite", 15),
    ("fav2", "Articles Favorited by Username", "GET", "/api/articles?favorited=user", 17),
    ("favAuth", "Articles Favorited by Username with auth", "GET", "/api/articles?favorited=user", 17),
    ("unfav", "Unfavorite Article", "DELETE", "/api/articles/{slug}/favorite", 14),
    ("createCmt", "Create Comment for Article", "POST", "/api/articles/{slug}/comments", 6),
    ("cmts", "All Comments for Article", "GET", "/api/articles/{slug}/comments", 7),
    ("cmtsAnon", "All Comments for Article without login", "GET", "/api/articles/{slug}/comments", 7),
    ("delCmt", "Delete Comment for Article", "DELETE", "/api/articles/{slug}/comments/{cid}", 0),
    ("delArt", "Delete Article", "DELETE", "/api/articles/{slug}", 0),
    ("celeb", "Register Celeb", "POST", "/api/users", 6),
    ("profile", "Profile", "GET", "/api/profiles/celeb_user", 6),
    ("follow", "Follow Profile", "POST", "/api/profiles/celeb_user/follow", 7),
    ("unfollow", "Unfollow Profile", "DELETE", "/api/profiles/celeb_user/follow", 7),
    ("tags", "All Tags", "GET", "/api/tags", 3),
]
KEYS = [r[0] for r in REQS]
DEFAULT_STATUS = {"reg": 201, "celeb": 201, "create": 201, "createCmt": 201}
REASON = {200: "OK", 201: "Created", 204: "No Content", 301: "Moved Permanently", 400: "Bad Request",
          401: "Unauthorized", 403: "Forbidden", 404: "Not Found", 405: "Method Not Allowed",
          415: "Unsupported Media Type", 422: "Unprocessable Entity", 500: "Internal Server Error",
          501: "Not Implemented"}
SLUG_KEYS = ["single", "updArt", "favorite", "unfav", "createCmt", "cmts", "cmtsAnon", "delCmt", "delArt"]
LISTS2 = ["all2", "allAuth", "author2", "authorAuth", "tag2"]
TOKEN_KEYS = ["curUser", "updUser", "create", "feed", "favorite", "unfav", "createCmt", "follow", "unfollow"]


def article_missing(status=404, lists=True):
    """Create Article failed: later slug requests hit /api/articles/null, lists are empty."""
    d = {k: status for k in SLUG_KEYS}
    if lists:
        d.update({k: (200, 12) for k in LISTS2 + ["fav2", "favAuth"]})
    return d


def token_missing(status=401, optional=(200, 12)):
    d = {k: status for k in TOKEN_KEYS}
    d.update(article_missing(404))
    d["favorite"] = status
    d["unfav"] = status
    d["createCmt"] = status
    if optional is not None:
        d["allAuth"] = optional
        d["authorAuth"] = optional
        d["favAuth"] = optional
    return d


def merge(*ds):
    out = {}
    for d in ds:
        out.update(d)
    return out


class Run:
    def __init__(self, spec):
        self.s = spec
        self.rnd = random.Random(spec["n"] * 7919)
        self.status = {}
        for k in KEYS:
            self.status[k] = (DEFAULT_STATUS.get(k, 200), 0)
        for k, v in spec.get("fails", {}).items():
            assert k in KEYS, k
            if isinstance(v, tuple):
                self.status[k] = v
            elif v is None:
                self.status[k] = (None, dict((r[0], r[4]) for r in REQS)[k])
            else:
                checks = dict((r[0], r[4]) for r in REQS)[k]
                self.status[k] = (v, checks)

    # ---------------------------------------------------------------- summary
    def summary(self):
        if self.s.get("no_csv"):
            return "No Newman CSV found \u2014 server likely never started or health-check failed."
        lines = []
        for key, name, method, path, checks in REQS:
            st, failed = self.status[key]
            if failed and checks:
                lines.append(f"{name} {method} \u2192 {'' if st is None else st}: {failed} failed")
        return "\n".join(lines) if lines else "All Newman assertions passed."

    # ---------------------------------------------------------------- log
    def path(self, key):
        p = dict((r[0], r[3]) for r in REQS)[key]
        slug = self.s.get("slug", SLUG)
        return p.replace("{slug}", slug).replace("{cid}", self.s.get("cid", "1"))

    def access(self, fw, method, path, st, i):
        size = self.rnd.randint(40, 1900)
        ms = round(self.rnd.uniform(0.8, 40.0), 3)
        style = self.s.get("logstyle", "access")
        if style == "none" or st is None:
            return []
        if fw == "flask":
            return [f'172.18.0.4 - - [07/Mar/2026 14:02:{10 + i % 50:02d}] "{method} {path} HTTP/1.1" {st} -']
        if fw == "fastapi":
            return [f'INFO:     172.18.0.4:{41000 + i * 7} - "{method} {path} HTTP/1.1" {st} {REASON.get(st, "")}']
        if fw == "aiohttp":
            return [f'INFO:aiohttp.access:172.18.0.4 [07/Mar/2026:14:02:{10 + i % 50:02d} +0000] "{method} {path} HTTP/1.1" '
                    f'{st} {size} "-" "PostmanRuntime/7.39.1"']
        if fw == "django":
            out = []
            if st == 404:
                out.append(f"Not Found: {path.split('?')[0]}")
            elif st == 401:
                out.append(f"Unauthorized: {path.split('?')[0]}")
            elif st in (400, 422):
                out.append(f"Bad Request: {path.split('?')[0]}")
            elif st == 403:
                out.append(f"Forbidden: {path.split('?')[0]}")
            elif st == 405:
                out.append(f"Method Not Allowed: {path.split('?')[0]}")
            out.append(f'[07/Mar/2026 14:02:{10 + i % 50:02d}] "{method} {path} HTTP/1.1" {st} {size}')
            return out
        if fw == "fastify":
            t = 1741356130000 + i * 37
            return [json.dumps({"level": 30, "time": t, "pid": 31, "reqId": f"req-{i + 1:x}",
                                "res": {"statusCode": st}, "responseTime": ms, "msg": "request completed"},
                               separators=(",", ":"))]
        if fw == "express":
            return [f"{method} {path} {st} {ms} ms - {size}"]
        if fw == "koa":
            return [f"  <-- {method} {path}", f"  --> {method} {path} {st} {int(ms)}ms {size}b"]
        if fw == "hono":
            return [f"<-- {method} {path}", f"--> {method} {path} {st} {int(ms)}ms"]
        return []

    def startup(self, fw):
        if "startup" in self.s:
            return list(self.s["startup"])
        return {
            "flask": [" * Serving Flask app 'app'", " * Debug mode: off",
                      "WARNING: This is a development server. Do not use it in a production deployment. Use a production WSGI server instead.",
                      " * Running on all addresses (0.0.0.0)", " * Running on http://127.0.0.1:8080",
                      " * Running on http://172.18.0.3:8080", "Press CTRL+C to quit"],
            "fastapi": ["INFO:     Started server process [57]", "INFO:     Waiting for application startup.",
                        "INFO:     Application startup complete.",
                        "INFO:     Uvicorn running on http://0.0.0.0:8080 (Press CTRL+C to quit)"],
            "aiohttp": ["======== Running on http://0.0.0.0:8080 ========", "(Press CTRL+C to quit)"],
            "django": ["Watching for file changes with StatReloader", "Performing system checks...", "",
                       "System check identified no issues (0 silenced).", "March 07, 2026 - 14:01:58",
                       "Django version 5.1.6, using settings 'conduit.settings'",
                       "Starting development server at http://0.0.0.0:8080/", "Quit the server with CONTROL-C.", ""],
            "fastify": ['{"level":30,"time":1741356121004,"pid":31,"msg":"Server listening at http://0.0.0.0:3000"}'],
            "express": ["Database initialized", "Server running on port 3000"],
            "koa": ["Connected to database", "Server listening on port 3000"],
            "hono": ["Database ready", "Server is running on http://0.0.0.0:3000"],
        }[fw]

    def log(self):
        fw = self.s["fw"]
        if "log" in self.s:
            lines = self.s["log"]
        else:
            lines = self.startup(fw)
            health = self.access(fw, "GET", "/api/health-check", 200, 0)
            lines += health
            errs = self.s.get("errs", {})
            for i, (key, name, method, path, checks) in enumerate(REQS):
                st, _ = self.status[key]
                p = self.path(key)
                before = self.s.get("errs_before", {}).get(key, [])
                lines += before
                lines += self.access(fw, method, p, st, i + 1)
                e = errs.get(key)
                if e:
                    lines += e
            lines += self.s.get("tail_extra", [])
        lines = "\n".join(lines).split("\n")
        return "\n".join(lines[-30:]) if lines and any(x.strip() for x in lines) else None

    # ---------------------------------------------------------------- trajectory
    def trajectory(self):
        turns = self.s.get("traj") or default_traj(self.s["fw"], self.rnd, self.s.get("traj_note"))
        turns = turns[-20:]
        parts = []
        for role, content in turns:
            if len(content) > 3000:
                content = content[:1500] + "\n\n[... truncated ...]\n\n" + content[-1500:]
            parts.append(f"[{role}]\n{content}")
        return "\n\n".join(parts)

    def sample(self):
        s = self.s
        out = {"id": f"p{s['n']:02d}", "task": s["task"],
               "newman_summary": self.summary()}
        log = self.log()
        if log is not None:
            out["server_log"] = log
        out["trajectory"] = self.trajectory()
        if s.get("verifier"):
            out["verifier_summary"] = s["verifier"]
        lab = s["label"]
        if lab in ("auth_misconfiguration", "incorrect_query_logic", "state_propagation_failure",
                   "database_runtime_error", "framework_idiosyncrasy", "business_logic_defect"):
            out["expected_coarse"] = "logic_error"
            out["expected_subcategory"] = lab
        else:
            out["expected_coarse"] = lab
        out["source"] = f"{s['src']} ({s['model']}, {s['task']}, {s['run_id']})"
        return out


# -------------------------------------------------------------------- log helpers
def py_tb(frames, exc, chained=None, header=None):
    out = [header] if header else []
    out.append("Traceback (most recent call last):")
    for f, ln, fn, code in frames:
        out.append(f'  File "{f}", line {ln}, in {fn}')
        out.append(f"    {code}")
    if chained:
        out += chained
    out += exc if isinstance(exc, list) else [exc]
    return out


UVICORN_HEAD = ["ERROR:    Exception in ASGI application"]
STARLETTE = [("/root/.venv/lib/python3.12/site-packages/uvicorn/protocols/http/h11_impl.py", 403, "run_asgi",
              "result = await app(  # type: ignore[func-returns-value]"),
             ("/root/.venv/lib/python3.12/site-packages/starlette/routing.py", 73, "app",
              "response = await f(request)"),
             ("/root/.venv/lib/python3.12/site-packages/fastapi/routing.py", 301, "app",
              "raw_response = await run_endpoint_function("),
             ("/root/.venv/lib/python3.12/site-packages/fastapi/routing.py", 214, "run_endpoint_function",
              "return await run_in_threadpool(dependant.call, **values)")]
FLASK = [("/root/.venv/lib/python3.12/site-packages/flask/app.py", 1511, "wsgi_app",
          "response = self.full_dispatch_request()"),
         ("/root/.venv/lib/python3.12/site-packages/flask/app.py", 919, "full_dispatch_request",
          "rv = self.handle_user_exception(e)"),
         ("/root/.venv/lib/python3.12/site-packages/flask/app.py", 917, "full_dispatch_request",
          "rv = self.dispatch_request()"),
         ("/root/.venv/lib/python3.12/site-packages/flask/app.py", 902, "dispatch_request",
          "return self.ensure_sync(self.view_functions[rule.endpoint])(**view_args)  # type: ignore[no-any-return]")]
AIOHTTP = [("/root/.venv/lib/python3.12/site-packages/aiohttp/web_protocol.py", 480, "_handle_request",
            "resp = await request_handler(request)"),
           ("/root/.venv/lib/python3.12/site-packages/aiohttp/web_app.py", 569, "_handle",
            "return await handler(request)"),
           ("/root/.venv/lib/python3.12/site-packages/aiohttp/web_middlewares.py", 117, "impl",
            "return await handler(request)")]
DJANGO = [("/root/.venv/lib/python3.12/site-packages/django/core/handlers/exception.py", 55, "inner",
           "response = get_response(request)"),
          ("/root/.venv/lib/python3.12/site-packages/django/core/handlers/base.py", 197, "_get_response",
           "response = wrapped_callback(request, *callback_args, **callback_kwargs)"),
          ("/root/.venv/lib/python3.12/site-packages/django/views/decorators/csrf.py", 65, "_view_wrapper",
           "return view_func(request, *args, **kwargs)")]


def flask_err(path, method, app_frames, exc):
    return [f"[2026-03-07 14:02:31,544] ERROR in app: Exception on {path} [{method}]"] + py_tb(FLASK + app_frames, exc)


def fastapi_err(app_frames, exc):
    return py_tb(STARLETTE + app_frames, exc, header=UVICORN_HEAD[0])


def aiohttp_err(app_frames, exc):
    return py_tb(AIOHTTP + app_frames, exc, header="ERROR:aiohttp.server:Error handling request")


def django_err(path, app_frames, exc):
    return [f"Internal Server Error: {path}"] + py_tb(DJANGO + app_frames, exc)


def node_err(first, frames, prefix=None):
    out = []
    if prefix:
        out.append(prefix)
    out.append(first)
    for f in frames:
        out.append(f"    at {f}")
    return out


def fastify_json(level, msg, err=None, req=None):
    d = {"level": level, "time": 1741356133412, "pid": 31, "reqId": "req-13"}
    if req:
        d["req"] = req
    if err:
        d["err"] = err
    d["msg"] = msg
    return json.dumps(d, separators=(",", ":"))


BCRYPT_TB = [
    ("/root/.venv/lib/python3.12/site-packages/passlib/context.py", 2258, "hash", "return record.hash(secret, **kwds)"),
    ("/root/.venv/lib/python3.12/site-packages/passlib/utils/handlers.py", 779, "hash",
     "self.checksum = self._calc_checksum(secret)"),
    ("/root/.venv/lib/python3.12/site-packages/passlib/handlers/bcrypt.py", 591, "_calc_checksum",
     "self._stub_requires_backend()"),
    ("/root/.venv/lib/python3.12/site-packages/passlib/utils/handlers.py", 2254, "_stub_requires_backend",
     "cls.set_backend()"),
    ("/root/.venv/lib/python3.12/site-packages/passlib/utils/handlers.py", 2156, "set_backend",
     "return owner.set_backend(name, dryrun=dryrun)"),
    ("/root/.venv/lib/python3.12/site-packages/passlib/handlers/bcrypt.py", 421, "_finalize_backend_mixin",
     "if detect_wrap_bug(IDENT_2A):"),
    ("/root/.venv/lib/python3.12/site-packages/passlib/handlers/bcrypt.py", 380, "detect_wrap_bug",
     "if verify(secret, bug_hash):"),
    ("/root/.venv/lib/python3.12/site-packages/passlib/handlers/bcrypt.py", 655, "_calc_checksum",
     "hash = _bcrypt.hashpw(secret, config)"),
]
BCRYPT_EXC = "ValueError: password cannot be longer than 72 bytes, truncate manually if necessary (e.g. my_password[:72])"
BCRYPT_WARN = ["(trapped) error reading bcrypt version", "Traceback (most recent call last):",
               '  File "/root/.venv/lib/python3.12/site-packages/passlib/handlers/bcrypt.py", line 620, in _load_backend_mixin',
               "    version = _bcrypt.__about__.__version__",
               "              ^^^^^^^^^^^^^^^^^", "AttributeError: module 'bcrypt' has no attribute '__about__'"]


# -------------------------------------------------------------------- trajectories
def a(thought, cmd):
    return ("assistant", f"THOUGHT: {thought}\n\n```bash\n{cmd}\n```")


def u(out, rc=0):
    return ("user", f"<returncode>{rc}</returncode>\n<output>\n{out}\n</output>")


FILES = {
    "flask": ("app/routes/articles.py", "python app.py", 8080),
    "fastapi": ("app/routers/articles.py", "uvicorn app.main:app --host 0.0.0.0 --port 8080", 8080),
    "aiohttp": ("app/handlers/articles.py", "python -m app.main", 8080),
    "django": ("api/views.py", "python manage.py runserver 0.0.0.0:8080", 8080),
    "fastify": ("src/routes/articles.js", "node src/index.js", 3000),
    "express": ("src/routes/articles.js", "node src/index.js", 3000),
    "koa": ("src/routes/articles.js", "node src/server.js", 3000),
    "hono": ("src/index.js", "node src/index.js", 3000),
}


def default_traj(fw, rnd, note=None):
    f, start, port = FILES[fw]
    py = fw in ("flask", "fastapi", "aiohttp", "django")
    code = ("def list_articles(request):\n    params = request.query\n    q = select(Article)\n"
            "    if params.get('tag'):\n        q = q.join(Article.tags).where(Tag.name == params['tag'])\n"
            "    return json_response({'articles': [serialize(a) for a in rows], 'articlesCount': len(rows)})\n") if py else (
        "router.get('/articles', optionalAuth, async (req, res) => {\n  const { tag, author, favorited, limit = 20, offset = 0 } = req.query;\n"
        "  const result = await articleService.list({ tag, author, favorited, limit, offset, user: req.user });\n"
        "  res.json(result);\n});\n")
    reg = ('{"user":{"email":"t@t.com","username":"t","bio":null,"image":null,"token":"eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.'
           'eyJpZCI6MSwidXNlcm5hbWUiOiJ0In0.5mQ0m0oX1h"}}')
    turns = []
    pool = [
        [a("Let me look at the articles route to check the filters.", f"cat {f}"), u(code)],
        [a("Let me check the project layout once more.", "find . -path ./node_modules -prune -o -path ./.venv -prune -o -type f -print | head -50"),
         u("\n".join(["./run.sh", "./README.md", f"./{f}", "./package.json" if not py else "./pyproject.toml"]))],
        [a("I'll make sure run.sh installs dependencies and starts the server.", "cat run.sh"),
         u(("#!/bin/bash\ncd \"$(dirname \"$0\")\"\n" + ("pip install -r requirements.txt -q\n" if py else "npm install --silent\n") + start))],
        [a("Start the server in the background and test registration.",
           f"cd /repository && ({start} > /tmp/server.log 2>&1 &) && sleep 3 && curl -s -X POST localhost:{port}/api/users "
           "-H 'Content-Type: application/json' -d '{\"user\":{\"email\":\"t@t.com\",\"password\":\"pw\",\"username\":\"t\"}}'"),
         u(reg)],
        [a("Now test creating an article with the token.",
           f"TOKEN=$(curl -s -X POST localhost:{port}/api/users/login -H 'Content-Type: application/json' "
           "-d '{\"user\":{\"email\":\"t@t.com\",\"password\":\"pw\"}}' | python3 -c 'import sys,json;print(json.load(sys.stdin)[\"user\"][\"token\"])') "
           f"&& curl -s -X POST localhost:{port}/api/articles -H \"Authorization: Token $TOKEN\" -H 'Content-Type: application/json' "
           "-d '{\"article\":{\"title\":\"Hello\",\"description\":\"d\",\"body\":\"b\",\"tagList\":[\"x\"]}}'"),
         u('{"article":{"slug":"hello-8f3a","title":"Hello","description":"d","body":"b","tagList":["x"],'
           '"createdAt":"2026-03-07T14:00:00.000Z","updatedAt":"2026-03-07T14:00:00.000Z","favorited":false,'
           '"favoritesCount":0,"author":{"username":"t","bio":null,"image":null,"following":false}}}')],
        [a("Check the list endpoint.", f"curl -s 'localhost:{port}/api/articles?limit=5' | head -c 600"),
         u('{"articles":[{"slug":"hello-8f3a","title":"Hello","description":"d","tagList":["x"],"favorited":false,'
           '"favoritesCount":0,"author":{"username":"t","bio":null,"image":null,"following":false}}],"articlesCount":1}')],
        [a("Check the tags endpoint and the health check.",
           f"curl -s localhost:{port}/api/tags && curl -s -o /dev/null -w '%{{http_code}}' localhost:{port}/api/health-check"),
         u('{"tags":["x"]}200')],
        [a("Stop the background server before finishing.", "pkill -f node || pkill -f python || true"), u("", 0)],
        [a("Let me view the server log for errors.", "tail -20 /tmp/server.log"),
         u("\n".join(Run({"n": 1, "fw": fw, "task": "", "label": ""}).startup(fw)))],
    ]
    rnd.shuffle(pool)
    for pair in pool[:1]:
        turns += pair
    if note:
        turns += note
    turns += [a("The implementation is complete: all endpoints are implemented and the server starts with run.sh.",
                "echo COMPLETE_TASK_AND_SUBMIT_FINAL_OUTPUT"), ("user", "")]
    return turns
