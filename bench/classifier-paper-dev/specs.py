from lib import *

JWT = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJ1c2VyX2lkIjoxLCJleHAiOjE3NDE5NjA5MzF9.Qm3c4k2l9x0sVt8rX1yNw0fGd7ZqH1pQ2uJk5aL3bE8"
S = {}


def spec(n, fw, **kw):
    kw["n"] = n
    kw["fw"] = fw
    S[n] = kw


# 1 auth: JWT string used as a user id in a Django ORM filter
spec(1, "django", fails={"profile": 500}, errs={"profile": django_err("/api/profiles/celeb_user", [
    ("/repository/api/views/profile_views.py", 21, "get_profile", "current = UserRepository.get_by_id(request.META.get('HTTP_AUTHORIZATION', '').split(' ')[-1])"),
    ("/repository/api/repositories/user_repository.py", 14, "get_by_id", "return User.objects.filter(id=user_id).first()"),
    ("/root/.venv/lib/python3.12/site-packages/django/db/models/fields/__init__.py", 2123, "get_prep_value", "return int(value)")],
    ["ValueError: invalid literal for int() with base 10: '" + JWT + "'", "",
     "The above exception was the direct cause of the following exception:", "", "Traceback (most recent call last):",
     '  File "/root/.venv/lib/python3.12/site-packages/django/db/models/fields/__init__.py", line 2125, in get_prep_value',
     "    raise e.__class__(", "ValueError: Field 'id' expected a number but got '" + JWT + "'."])})
# 2 auth: follow/unfollow 401 only
spec(2, "fastapi", fails={"follow": 401, "unfollow": 401})
# 3 auth: bcrypt 72 bytes on register, cascade 401s, 422 on slug/profile
spec(3, "fastapi", fails=merge(token_missing(401), {"reg": 500, "login": 401, "loginTok": 401, "celeb": 500,
                                                     "single": 422, "updArt": 401, "cmts": 422, "cmtsAnon": 422,
                                                     "profile": 422}),
     errs={"reg": fastapi_err([("/repository/app/routers/users.py", 28, "register", "hashed = pwd_context.hash(body.user.password)")] + BCRYPT_TB, BCRYPT_EXC),
           "celeb": fastapi_err([("/repository/app/routers/users.py", 28, "register", "hashed = pwd_context.hash(body.user.password)")] + BCRYPT_TB, BCRYPT_EXC)},
     errs_before={"reg": BCRYPT_WARN})
# 4 auth: same, plain fastapi + sqlite
spec(4, "fastapi", fails=merge(token_missing(401, optional=(401, 17)), {"reg": 500, "login": 401, "loginTok": 401, "celeb": 500,
                                                                       "single": 422, "cmtsAnon": 422, "profile": 422}),
     errs={"celeb": fastapi_err([("/repository/main.py", 141, "create_user", "password_hash = hash_password(payload.user.password)"),
                                 ("/repository/main.py", 52, "hash_password", "return pwd_context.hash(password)")] + BCRYPT_TB[:2], BCRYPT_EXC)})
# 5 auth: Authorization header not accepted; /api/articles/null cascade
spec(5, "django", slug="null", fails=merge(token_missing(401), {"single": 422, "updArt": 401, "cmts": 404, "cmtsAnon": 404}))
# 6 auth: bcrypt on register, 401 cascade
spec(6, "fastapi", fails=merge(token_missing(401), {"reg": 500, "login": 401, "loginTok": 401, "celeb": 500, "profile": 404}),
     errs={"celeb": fastapi_err([("/repository/app/api/routes/users.py", 33, "register_user", "user = service.register(data.user)"),
                                 ("/repository/app/services/user_service.py", 19, "register", "hashed = security.hash_password(data.password)"),
                                 ("/repository/app/core/security.py", 11, "hash_password", "return pwd_context.hash(password)")] + BCRYPT_TB, BCRYPT_EXC)})
# 7 auth: login 401 everywhere (bcrypt on register too)
spec(7, "fastapi", fails=merge(token_missing(401), {"reg": 500, "login": 401, "loginTok": 401, "celeb": 500, "single": 422,
                                                     "profile": 422}),
     errs={"celeb": fastapi_err([("/repository/app/crud.py", 40, "create_user", "hashed_password=get_password_hash(user.password),")] + BCRYPT_TB[4:], BCRYPT_EXC)})
# 8 auth: public GETs protected
spec(8, "fastapi", fails={"all1": 401, "author1": 401, "fav1": 401, "tag1": 401, "cmtsAnon": 401})
# 9 auth: follow/unfollow 401 only
spec(9, "fastapi", fails={"follow": 401, "unfollow": 401})
# 10 auth: bcrypt in aiohttp, 401 cascade
spec(10, "aiohttp", fails=merge(token_missing(401), {"reg": 500, "login": 401, "loginTok": 401, "celeb": 500, "profile": 404}),
     errs={"reg": aiohttp_err([("/repository/app/handlers/users.py", 37, "register", "user = await create_user(session, data)"),
                               ("/repository/app/auth.py", 18, "hash_password", "return pwd_context.hash(password)")] + BCRYPT_TB, BCRYPT_EXC),
           "celeb": aiohttp_err([("/repository/app/handlers/users.py", 37, "register", "user = await create_user(session, data)"),
                                 ("/repository/app/auth.py", 18, "hash_password", "return pwd_context.hash(password)")] + BCRYPT_TB, BCRYPT_EXC)})
# 11 auth: every authenticated endpoint 401, null slug -> 422
spec(11, "flask", slug="null", fails=merge(token_missing(401), {"single": 422, "updArt": 401, "cmts": 422, "cmtsAnon": 422}))
# 12 auth: empty token from login, everything with a token is refused
spec(12, "aiohttp", logstyle="none", fails=merge({"loginTok": (200, 1)}, token_missing(401, optional=(401, 17)), {"single": 401, "cmts": 401, "profile": 401}))
# 13 business: RecursionError in the auth decorator
_rec = [("/repository/app/auth.py", 27, "decorated", "user = get_current_user()"),
        ("/repository/app/auth.py", 41, "get_current_user", "return login_required(lambda: g.user)()")] * 3
spec(13, "flask", fails=merge({k: 500 for k in ["curUser", "updUser", "create", "feed", "follow", "unfollow", "favorite", "unfav", "createCmt"]},
                              article_missing(404), {"favorite": 500, "unfav": 500, "createCmt": 500}),
     errs={"unfollow": flask_err("/api/profiles/celeb_user/follow", "DELETE", _rec, ["  [Previous line repeated 975 more times]",
                                                                                    "RecursionError: maximum recursion depth exceeded"])})
# 14 business: Update Article rejects a valid body with 422
spec(14, "express", logstyle="none", fails={"updArt": 422})
# 15 business: favourite answers 200, one check fails
spec(15, "django", fails={"favorite": (200, 1)})
# 16 business: PUT /api/user 405
spec(16, "django", fails={"updUser": 405})
# 17 business: favourite 200, flag and count wrong
spec(17, "express", fails={"favorite": (200, 2)})
# 18 business: bcrypt (labelled business by the judge)
spec(18, "fastapi", fails=merge(token_missing(401), {"reg": 500, "login": 401, "loginTok": 401, "celeb": 500,
                                                      "single": 422, "profile": 422}),
     errs={"celeb": fastapi_err([("/repository/main.py", 88, "register", "hashed = pwd_context.hash(user_in.password)")] + BCRYPT_TB, BCRYPT_EXC)})
# 19 business: favourite/unfavourite/unfollow 400 (no log)
spec(19, "fastify", logstyle="none", startup=["Server listening on http://0.0.0.0:3000"],
     fails={"favorite": 400, "fav2": (200, 12), "favAuth": (200, 12), "unfav": 400, "unfollow": 400})
# 20 business: broad field mismatches across article responses
spec(20, "koa", fails={"create": (200, 2), "all2": (200, 2), "allAuth": (200, 2), "author2": (200, 2), "authorAuth": (200, 2),
                       "single": (200, 2), "tag2": (200, 2), "updArt": (200, 2), "favorite": (200, 2), "fav2": (200, 2),
                       "favAuth": (200, 2), "unfav": (200, 2), "createCmt": (200, 2), "cmts": (200, 2), "cmtsAnon": (200, 2)})
# 21 business: only favourite 200 wrong
spec(21, "hono", logstyle="none", fails={"favorite": (200, 1)})
# 22 business: follow 200 wrong flag
spec(22, "hono", logstyle="none", fails={"follow": (200, 1)})
# 23 business: Pydantic model used like a dict
_nu = [("/repository/main.py", 97, "register", "email = user_data[\"email\"]")]
spec(23, "fastapi", fails=merge(token_missing(401), {"reg": 500, "login": 500, "loginTok": 500, "celeb": 500, "profile": 404}),
     errs={"celeb": fastapi_err(_nu, "TypeError: 'NewUser' object is not subscriptable")})
# 24 business: favourite 200 wrong
spec(24, "aiohttp", logstyle="none", fails={"favorite": (200, 1)})
# 25 database: unique() not called on eager-loaded result
_uq = ["sqlalchemy.exc.InvalidRequestError: The unique() method must be invoked on this Result, as it contains results "
       "that include joined eager loads against collections"]
_uqf = [("/repository/api/views.py", 212, "comments", "article = repo.get_article_by_slug(slug)"),
        ("/repository/api/repository.py", 58, "get_article_by_slug", "return session.execute(stmt).scalar_one_or_none()"),
        ("/root/.venv/lib/python3.12/site-packages/sqlalchemy/engine/result.py", 1476, "scalar_one_or_none",
         "return self._only_one_row(")]
spec(25, "django", fails={"createCmt": 500, "cmts": 500, "cmtsAnon": 500},
     errs={"cmtsAnon": django_err(f"/api/articles/{SLUG}/comments", _uqf, _uq)})
# 26 database: NameError in the repository (author/favorited filters)
_ne = [("/repository/app/routes/articles.py", 31, "list_articles", "articles, count = service.list_articles(filters, current_user)"),
       ("/repository/app/services/article_service.py", 22, "list_articles", "return self.repo.get_articles(**filters)"),
       ("/repository/app/repositories/article_repository.py", 47, "get_articles", "query = query.join(User).filter(User.username == author)")]
spec(26, "flask", fails={"author1": 500, "fav1": 500, "author2": 500, "authorAuth": 500, "fav2": 500, "favAuth": 500},
     errs={"favAuth": flask_err("/api/articles", "GET", _ne, "NameError: name 'User' is not defined")})
# 27 database (judge's guess): every list GET 500, nothing in the log
spec(27, "koa", logstyle="none", fails={k: 500 for k in ["all1", "author1", "fav1", "tag1", "all2", "allAuth", "author2",
                                                         "authorAuth", "tag2", "fav2", "favAuth"]})
# 28 database: relation "tags" does not exist
_rt = ['sqlalchemy.exc.ProgrammingError: (sqlalchemy.dialects.postgresql.asyncpg.ProgrammingError) <class '
       "'asyncpg.exceptions.UndefinedTableError'>: relation \"tags\" does not exist",
       "[SQL: SELECT tags.name FROM tags ORDER BY tags.name]", "(Background on this error at: https://sqlalche.me/e/20/f405)"]
spec(28, "aiohttp", fails=merge(article_missing(404), {"create": 500, "updUser": 422, "tags": 500}),
     errs={"tags": aiohttp_err([("/repository/app/handlers/tags.py", 12, "list_tags", "result = await session.execute(select(Tag.name).order_by(Tag.name))")], _rt)})
# 29 database: NameError in repositories/data_store.py
_ds = [("/repository/app/handlers/articles.py", 44, "list_articles", "articles = await store.get_articles(request.query)"),
       ("/repository/app/repositories/data_store.py", 131, "get_articles", "if slug:")]
spec(29, "aiohttp", fails={k: 500 for k in ["all1", "author1", "fav1", "tag1", "all2", "allAuth", "author2", "authorAuth",
                                             "tag2", "fav2", "favAuth"]},
     errs={"favAuth": aiohttp_err(_ds, "NameError: name 'slug' is not defined")})
# 30 database: DetachedInstanceError
_di = ["sqlalchemy.orm.exc.DetachedInstanceError: Parent instance <User at 0x7f3c2a1d9e50> is not bound to a Session; "
       "lazy load operation of attribute 'following' cannot proceed (Background on this error at: https://sqlalche.me/e/20/bhk3)"]
spec(30, "aiohttp", fails=merge(article_missing(422), {"create": 500, "allAuth": 500, "authorAuth": 500, "favAuth": 500,
                                                      "profile": 500, "follow": 500, "unfollow": 500}),
     errs={"unfollow": aiohttp_err([("/repository/app/handlers/profiles.py", 58, "unfollow", "return web.json_response({'profile': profile_to_dict(target, viewer)})"),
                                    ("/repository/app/serializers.py", 19, "profile_to_dict", "following = target in viewer.following")], _di)})
# 31 database: unique() on comments
spec(31, "django", fails={"createCmt": 500, "cmts": 500, "cmtsAnon": 500},
     errs={"cmtsAnon": django_err(f"/api/articles/{SLUG}/comments", _uqf[:2], _uq)})
# 32 database: DetachedInstanceError, favourite routes missing
spec(32, "flask", fails={"favorite": 404, "unfav": 404, "fav2": (200, 12), "favAuth": (200, 12), "profile": 500,
                         "follow": 500, "unfollow": 500, "updArt": 422},
     errs={"unfollow": flask_err("/api/profiles/celeb_user/follow", "DELETE", [("/repository/app/routes/profiles.py", 40, "unfollow", "return jsonify(profile=serialize_profile(user, current))"),
                                                                               ("/repository/app/routes/profiles.py", 12, "serialize_profile", "'following': user in current.following,")],
                                 _di[0].replace("aiohttp", "flask"))})
# 33 database: SessionLocal is None
_sl = [("/repository/app/routes/tags.py", 9, "list_tags", "db = SessionLocal()")]
spec(33, "flask", fails={k: 500 for k in KEYS if k not in ("delCmt", "delArt")},
     errs={"tags": flask_err("/api/tags", "GET", _sl, "TypeError: 'NoneType' object is not callable")})
# 34 database: NameError in services.get_articles
spec(34, "flask", fails={k: 500 for k in ["all1", "author1", "fav1", "tag1", "all2", "allAuth", "author2", "authorAuth",
                                           "tag2", "fav2", "favAuth"]},
     errs={"favAuth": flask_err("/api/articles", "GET", [("/repository/app/routes/articles.py", 25, "list_articles", "return jsonify(services.get_articles(request.args, g.user))"),
                                                         ("/repository/app/services.py", 64, "get_articles", "q = q.join(User, Article.author_id == User.id)")],
                                "NameError: name 'User' is not defined")})
# 35 database: SQLITE_ERROR no such column f.user_id
_sq = node_err("Error listing articles: Error: SQLITE_ERROR: no such column: f.user_id", [], None) + [
    "--> in Database#all('SELECT a.*, u.username FROM articles a JOIN users u ON u.id = a.author_id LEFT JOIN favorites f ON f.article_id = a.id "
    "WHERE f.user_id = (SELECT id FROM users WHERE username = ?) ORDER BY a.created_at DESC LIMIT ? OFFSET ?', [ 'user', 20, 0 ], [Function (anonymous)])",
    "    at /repository/src/repositories/articleRepository.js:61:10", "    at new Promise (<anonymous>)",
    "    at Object.findAll (/repository/src/repositories/articleRepository.js:60:12) {", "  errno: 1,", "  code: 'SQLITE_ERROR'", "}"]
spec(35, "express", logstyle="none", fails={"tag1": 500, "fav1": 500, "tag2": 500, "fav2": 500, "favAuth": 500},
     errs={"favAuth": _sq})
# 36 database: asyncpg pool on a different loop
_loop = aiohttp_err([("/repository/app/handlers/users.py", 22, "register", "async with request.app['pool'].acquire() as conn:"),
                     ("/root/.venv/lib/python3.12/site-packages/asyncpg/pool.py", 1024, "__aenter__", "self.connection = await self.pool._acquire(self.timeout)")],
                    "RuntimeError: Task <Task pending name='Task-87' coro=<RequestHandler._handle_request() running at /root/.venv/lib/python3.12/site-packages/aiohttp/web_protocol.py:480>> got Future <Future pending cb=[Protocol._on_waiter_completed()]> attached to a different loop")
spec(36, "aiohttp", fails=merge(token_missing(401), {"reg": 500, "login": 500, "loginTok": 500, "celeb": 500, "profile": 500,
                                                      "all1": 500, "tags": 500}),
     errs={"celeb": _loop, "tags": _loop[-1:]})
# 37 framework: FST_ERR_CTP_EMPTY_JSON_BODY on favourite
_fst = fastify_json(30, "Body cannot be empty when content-type is set to 'application/json'",
                    err={"type": "FastifyError", "message": "Body cannot be empty when content-type is set to 'application/json'",
                         "stack": "FastifyError: Body cannot be empty when content-type is set to 'application/json'\n    at Parser.defaultJsonParser [as fn] (/repository/node_modules/fastify/lib/contentTypeParser.js:298:7)",
                         "code": "FST_ERR_CTP_EMPTY_JSON_BODY", "name": "FastifyError", "statusCode": 400})
spec(37, "fastify", fails={"favorite": 400, "fav2": (200, 12), "favAuth": (200, 12)}, errs={"favorite": [_fst]})
# 38 framework: DRF Request passed where HttpRequest is required
_drf = ["AssertionError: The `request` argument must be an instance of `django.http.HttpRequest`, not `rest_framework.request.Request`."]
spec(38, "django", fails=merge(article_missing(404), {"curUser": 403, "updUser": 403, "create": 500, "feed": 403, "follow": 500,
                                                      "unfollow": 500, "profile": 500}),
     errs={"unfollow": django_err("/api/profiles/celeb_user/follow", [("/repository/api/views/profiles.py", 31, "dispatch", "return FollowView.as_view()(request, *args, **kwargs)"),
                                                                       ("/root/.venv/lib/python3.12/site-packages/rest_framework/views.py", 515, "dispatch", "request = self.initialize_request(request, *args, **kwargs)"),
                                                                       ("/root/.venv/lib/python3.12/site-packages/rest_framework/request.py", 153, "__init__", "assert isinstance(request, HttpRequest), (")], _drf)})
# 39 framework: empty body on favourite (sequelize)
spec(39, "fastify", logstyle="none", startup=["Server listening at http://0.0.0.0:3000"], fails={"favorite": 400, "fav2": (200, 12), "favAuth": (200, 12)}, errs={"favorite": [_fst]})
# 40 framework: 400 on favourite/unfavourite/unfollow, logger off
spec(40, "fastify", logstyle="none", startup=["Server listening at http://0.0.0.0:3000"],
     fails={"favorite": 400, "fav2": (200, 12), "favAuth": (200, 12), "unfav": 400, "unfollow": 400})
# 41 framework: empty body, DELETE and POST
spec(41, "fastify", fails={"favorite": 400, "fav2": (200, 12), "favAuth": (200, 12), "unfav": 400, "unfollow": 400},
     errs={"unfollow": [_fst]})
# 42 framework: Unexpected end of JSON input -> 500
_ueoj = fastify_json(50, "Unexpected end of JSON input", err={"type": "SyntaxError", "message": "Unexpected end of JSON input",
                                                              "stack": "SyntaxError: Unexpected end of JSON input\n    at JSON.parse (<anonymous>)\n    at Object.<anonymous> (/repository/src/app.js:18:22)"})
spec(42, "fastify", fails={"favorite": 500, "fav2": (200, 12), "favAuth": (200, 12), "unfav": 500}, errs={"favorite": [_ueoj], "unfav": [_ueoj]})
# 43 framework: empty body plus a failing tag query
spec(43, "fastify", fails={"favorite": 400, "fav2": (200, 12), "favAuth": (200, 12), "tag1": 500, "tag2": 500},
     errs={"favorite": [_fst], "tag2": [fastify_json(50, "SQLITE_ERROR: no such function: json_each_text",
                                                      err={"type": "Error", "message": "SQLITE_ERROR: no such function: json_each_text", "code": "SQLITE_ERROR"})]})
# 44 framework
spec(44, "fastify", logstyle="none", startup=["Server running on port 3000"], fails={"favorite": 400, "fav2": (200, 12), "favAuth": (200, 12)}, errs={"favorite": [_fst]})
# 45 framework
spec(45, "fastify", fails={"favorite": 400, "fav2": (200, 12), "favAuth": (200, 12)}, errs={"favorite": [_fst]})
# 46 framework: favourite only, no log
spec(46, "fastify", logstyle="none", startup=["Server listening on port 3000"], fails={"favorite": 400, "fav2": (200, 12), "favAuth": (200, 12)})
# 47 framework
spec(47, "fastify", logstyle="none", startup=["Server listening at http://0.0.0.0:3000"], fails={"favorite": 400, "fav2": (200, 12), "favAuth": (200, 12)})
# 48 framework: favourite/unfavourite/unfollow
spec(48, "fastify", fails={"favorite": 400, "fav2": (200, 12), "favAuth": (200, 12), "unfav": 400, "unfollow": 400},
     errs={"unfav": [_fst]})
# 49 query: list variants answer 200 with wrong contents
spec(49, "fastapi", fails={"all2": (200, 1), "allAuth": (200, 1), "author2": (200, 12), "authorAuth": (200, 12),
                           "tag2": (200, 12), "fav2": (200, 12), "favAuth": (200, 12)})
# 50 query: operator does not exist: text = integer
_op = node_err("error: operator does not exist: text = integer", [
    "/repository/node_modules/pg/lib/client.js:545:17", "process.processTicksAndRejections (node:internal/process/task_queues:95:5)",
    "async Object.list (/repository/src/db/articles.js:73:18)", "async /repository/src/routes/articles.js:21:20"], "Error listing articles") + [
    "  length: 200,", "  severity: 'ERROR',", "  code: '42883',",
    "  hint: 'No operator matches the given name and argument types. You might need to add explicit type casts.',", "  position: '212',",
    "  routine: 'op_error'", "}"]
spec(50, "express", logstyle="none", fails={"updUser": 500, "fav1": 500, "author2": 500, "authorAuth": 500, "fav2": 500,
                                           "favAuth": 500, "updArt": 500}, errs={"favAuth": _op})
# 51 query: list variants 200 with two checks off
spec(51, "hono", logstyle="none", fails={k: (200, 2) for k in ["all2", "allAuth", "author2", "authorAuth", "tag2", "fav2", "favAuth"]})
# 52 query: stubbed GET handlers return empty arrays
spec(52, "express", fails=merge({k: (200, 12) for k in LISTS2 + ["fav2", "favAuth"]}, {"cmts": (200, 5), "cmtsAnon": (200, 5),
                                                                                    "single": (200, 12)}))
# 53 query: dummy payloads
spec(53, "fastapi", fails=merge({k: (200, 3) for k in LISTS2 + ["fav2", "favAuth"]}, {"cmts": (200, 5), "cmtsAnon": (200, 5)}))
# 54 query: missing FROM-clause entry from a Sequelize alias
_mf = node_err('SequelizeDatabaseError: missing FROM-clause entry for table "Article->Article"', [
    "Query.formatError (/repository/node_modules/sequelize/lib/dialects/postgres/query.js:386:16)",
    "Query.run (/repository/node_modules/sequelize/lib/dialects/postgres/query.js:87:18)",
    "async PostgresQueryInterface.rawSelect (/repository/node_modules/sequelize/lib/dialects/abstract/query-interface.js:434:18)",
    "async Article.aggregate (/repository/node_modules/sequelize/lib/model.js:1277:19)",
    "async Article.count (/repository/node_modules/sequelize/lib/model.js:1306:20)",
    "async Promise.all (index 1)", "async ArticleRepository.list (/repository/src/repositories/articleRepository.js:48:32)"],
    "List articles failed:") + ["  name: 'SequelizeDatabaseError',", "  parent: error: missing FROM-clause entry for table \"Article->Article\"",
                                "      at Parser.parseErrorMessage (/repository/node_modules/pg-protocol/dist/parser.js:283:98) {", "    code: '42P01',"]
spec(54, "hono", logstyle="none", fails={k: 500 for k in ["all1", "author1", "fav1", "tag1", "all2", "allAuth", "author2",
                                                          "authorAuth", "tag2", "fav2", "favAuth"]}, errs={"favAuth": _mf})
# 55 query: Postgres @> on SQLite
_at = node_err('Error: SQLITE_ERROR: unrecognized token: "@"', [], "SequelizeDatabaseError") + [
    "    at Database.<anonymous> (/repository/node_modules/sequelize/lib/dialects/sqlite/query.js:185:27)",
    "    at /repository/node_modules/sequelize/lib/dialects/sqlite/query.js:183:50",
    "    at new Promise (<anonymous>)", "    at Query.run (/repository/node_modules/sequelize/lib/dialects/sqlite/query.js:183:12)",
    "  name: 'SequelizeDatabaseError',", "  original: [Error: SQLITE_ERROR: unrecognized token: \"@\"] {", "    errno: 1,",
    "    code: 'SQLITE_ERROR',",
    "    sql: 'SELECT count(`Article`.`id`) AS `count` FROM `Articles` AS `Article` WHERE `Article`.`tagList` @> \\'[\"dragons\"]\\';'"]
spec(55, "hono", logstyle="none", fails={"tag1": 500, "tag2": 500}, errs={"tag2": _at})
# 56 query: favorited filter 500, follow flag wrong; nothing in the log
spec(56, "koa", logstyle="none", fails={"fav1": 500, "fav2": 500, "favAuth": 500, "follow": (200, 1), "unfollow": (200, 1)})
# 57 query: a model instance in a Sequelize where clause
_iv = node_err("Error: Invalid value User {", [], None) + [
    "  dataValues: {", "    id: 2,", "    username: 'celeb_user',", "    email: 'celeb_user@mail.com',", "  },",
    "  _previousDataValues: { id: 2, username: 'celeb_user' },", "  isNewRecord: false", "}",
    "    at SQLiteQueryGenerator.escape (/repository/node_modules/sequelize/lib/dialects/abstract/query-generator.js:770:15)",
    "    at SQLiteQueryGenerator._whereParse (/repository/node_modules/sequelize/lib/dialects/abstract/query-generator.js:1981:19)",
    "    at SQLiteQueryGenerator.whereItemQuery (/repository/node_modules/sequelize/lib/dialects/abstract/query-generator.js:1780:19)",
    "    at Function.findOne (/repository/node_modules/sequelize/lib/model.js:1240:24)",
    "    at async followUser (/repository/src/services/profileService.js:27:22)"]
spec(57, "koa", logstyle="none", fails={"follow": 500, "unfollow": 500}, errs={"unfollow": _iv})
# 58 query: every list variant empty
spec(58, "flask", fails={k: (200, 12) for k in LISTS2 + ["fav2", "favAuth"]})
# 59 query: comment insert does not return the row
spec(59, "flask", fails={"createCmt": 500, "cmts": (200, 5), "cmtsAnon": (200, 5)},
     errs={"createCmt": flask_err(f"/api/articles/{SLUG}/comments", "POST", [
         ("/repository/app/routes/comments.py", 22, "add_comment", "return jsonify(comment=comment_service.serialize_comment(row, g.user)), 201"),
         ("/repository/app/services/comment_service.py", 9, "serialize_comment", "author = user_repository.get_by_id(row[\"author_id\"])")],
         "TypeError: 'NoneType' object is not subscriptable")})
# 60 query: favourite/unfavourite/unfollow 500, nothing logged
spec(60, "fastify", logstyle="none", startup=["Server listening at http://0.0.0.0:3000"],
     fails={"favorite": 500, "fav2": (200, 12), "favAuth": (200, 12), "unfav": 500, "unfollow": 500})
# 61 state: unfavourite 200, flag still true
spec(61, "hono", logstyle="none", fails={"unfav": (200, 1)})
# 62 state
spec(62, "koa", fails={"unfav": (200, 1)})
# 63 state: single article 422
spec(63, "koa", fails={"single": 422})
# 64 state: /api/articles/null/... 500s
_none = [("/repository/api/views/comments.py", 45, "post", "return JsonResponse({'comment': serialize_comment(comment)}, status=201)"),
         ("/repository/api/serializers.py", 31, "serialize_comment", "'id': comment.id,")]
spec(64, "django", slug="null", fails={"single": 404, "updArt": 404, "favorite": 404, "unfav": 404, "fav2": (200, 12), "favAuth": (200, 12),
                                      "createCmt": 500, "cmts": 500, "cmtsAnon": 500},
     errs={"cmtsAnon": django_err("/api/articles/null/comments", _none, "AttributeError: 'NoneType' object has no attribute 'id'")})
# 65 state: favourite 200 wrong
spec(65, "flask", fails={"favorite": (200, 1)})
# 66 state: RelatedObjectDoesNotExist
_rod = [("/repository/api/views.py", 301, "follow", "request.user.profile.follows.add(target.profile)"),
        ("/root/.venv/lib/python3.12/site-packages/django/db/models/fields/related_descriptors.py", 534, "__get__",
         "raise self.RelatedObjectDoesNotExist(")]
spec(66, "django", fails={"follow": 500, "unfollow": 500, "createCmt": 500, "cmts": 500, "cmtsAnon": 500},
     errs={"unfollow": django_err("/api/profiles/celeb_user/follow", _rod, "django.contrib.auth.models.User.profile.RelatedObjectDoesNotExist: User has no profile.")})
# 67 state: slug null -> 422
spec(67, "fastapi", slug="null", fails={"single": 422, "updArt": 422, "favorite": 422, "unfav": 422, "fav2": (200, 12),
                                       "favAuth": (200, 12), "createCmt": 422, "cmts": 422, "cmtsAnon": 422})
# 68 state
spec(68, "hono", logstyle="none", fails={"unfav": (200, 1)})
# 69 state: favourite and unfavourite flags
spec(69, "fastapi", fails={"favorite": (200, 1), "unfav": (200, 1)})
# 70 state
spec(70, "aiohttp", fails={"favorite": (200, 1), "unfav": (200, 1)})
# 71 state
spec(71, "flask", fails={"favorite": (200, 1)})
# 72 state: slug/comment id null, int('null')
spec(72, "aiohttp", slug="null", cid="null", fails={"single": 422, "updArt": 422, "favorite": 422, "unfav": 422, "fav2": (200, 12),
                                                   "favAuth": (200, 12), "createCmt": 422, "cmts": 422, "cmtsAnon": 422},
     errs={"delCmt": aiohttp_err([("/repository/app/handlers/comments.py", 71, "delete_comment", "comment_id = int(request.match_info['id'])")],
                                 "ValueError: invalid literal for int() with base 10: 'null'")})
# 73 startup: SyntaxError in index.js
spec(73, "hono", fails={k: None for k in KEYS}, log=["/repository/index.js:233", "  console.log(\\`Server running on http://localhost:${port}\\`);",
                                                     "              ^", "", "SyntaxError: Invalid or unexpected token",
                                                     "    at internalCompileFunction (node:internal/vm:76:18)",
                                                     "    at wrapSafe (node:internal/modules/cjs/loader:1283:20)",
                                                     "    at Module._compile (node:internal/modules/cjs/loader:1328:27)",
                                                     "", "Node.js v20.11.1"])
# 74 startup: email-validator missing
spec(74, "fastapi", fails={k: None for k in KEYS}, log=py_tb([("/root/.venv/lib/python3.12/site-packages/pydantic/networks.py", 405, "import_email_validator", "import email_validator")],
                                                            ["ModuleNotFoundError: No module named 'email_validator'", "",
                                                             "The above exception was the direct cause of the following exception:", "",
                                                             "ImportError: email-validator is not installed, run `pip install pydantic[email]`"]))
# 75 startup: npm cannot find package.json
spec(75, "koa", fails={k: None for k in KEYS}, log=["npm error code ENOENT", "npm error syscall open", "npm error path /root/package.json",
                                                    "npm error errno -2", "npm error enoent Could not read package.json: Error: ENOENT: no such file or directory, open '/root/package.json'",
                                                    "node:internal/modules/cjs/loader:1148", "  throw err;", "  ^", "",
                                                    "Error: Cannot find module '/root/src/index.js'", "    at Module._resolveFilename (node:internal/modules/cjs/loader:1145:15)",
                                                    "  code: 'MODULE_NOT_FOUND',", "  requireStack: []", "}", "", "Node.js v20.11.1"])
# 76 startup: run.sh not found
spec(76, "koa", fails={k: None for k in KEYS}, log=["/bin/sh: 1: ./run.sh: not found"])
# 77 startup: run.sh not found, clean architecture verifier failed
spec(77, "fastapi", fails={k: None for k in KEYS}, log=["/bin/sh: 1: ./run.sh: not found"],
     verifier="Architecture: FAILED \u2014 0/4 required layers found (models, repositories, routes, services)")
# 78 incomplete: every /api route 404
spec(78, "django", fails={k: 404 for k in KEYS})
# 79 incomplete: article/comment/favourite/feed routes 404
spec(79, "flask", fails=merge({k: 404 for k in ["all1", "author1", "fav1", "tag1", "create", "feed", "all2", "allAuth", "author2",
                                                "authorAuth", "single", "tag2", "updArt", "favorite", "fav2", "favAuth", "unfav",
                                                "createCmt", "cmts", "cmtsAnon", "delCmt", "delArt"]}),
     verifier="Database: FAILED \u2014 no PostgreSQL evidence found")
# 80 incomplete: fastify routes not registered
_rnf = [fastify_json(30, "Route POST:/api/users not found", req={"method": "POST", "url": "/api/users"})]
spec(80, "fastify", fails={k: 404 for k in KEYS}, tail_extra=[fastify_json(30, "Route GET:/api/tags not found", req={"method": "GET", "url": "/api/tags"})])
# 81 incomplete: koa all 404
spec(81, "koa", fails={k: 404 for k in KEYS})
# 82 schema (judge): list variants 200 with two checks off
spec(82, "flask", fails=merge({k: (200, 2) for k in ["all1", "author1", "fav1", "tag1"]},
                              {k: (200, 2) for k in LISTS2 + ["fav2", "favAuth"]}))
# 83 schema: wrong nesting in list responses
spec(83, "django", fails=merge({k: (200, 4) for k in ["all1", "author1", "fav1", "tag1"]},
                               {k: (200, 16) for k in LISTS2 + ["fav2", "favAuth"]}))
# 84 schema: tiny placeholder payloads
spec(84, "django", fails=merge({k: (200, 4) for k in ["all1", "author1", "fav1", "tag1", "feed"]},
                               {k: (200, 16) for k in LISTS2 + ["fav2", "favAuth"]}, {"cmts": (200, 6), "cmtsAnon": (200, 6)}))
# 85 schema
spec(85, "django", fails=merge({k: (200, 2) for k in ["all1", "author1", "fav1", "tag1"]},
                               {k: (200, 2) for k in LISTS2 + ["fav2", "favAuth"]}))
# 86 premature: code dump then submit without running anything
_dump = "cat <<'EOF' > src/routes/articles.js\n" + ("const router = require('../router');\n" * 60) + "EOF"
spec(86, "fastify", logstyle="none", startup=["Server listening at http://0.0.0.0:3000"],
     fails=merge({"create": 500, "feed": 500, "favorite": 500, "unfav": 500, "follow": 500, "unfollow": 500, "profile": 500},
                 article_missing(404), {"favorite": 500, "unfav": 500}),
     traj=[a("I'll write the users routes.", "cat <<'EOF' > src/routes/users.js\n" + "// users\n" * 80 + "EOF"), u(""),
           a("Now the articles routes.", _dump), u(""),
           a("Now the profiles routes.", "cat <<'EOF' > src/routes/profiles.js\n" + "// profiles\n" * 60 + "EOF"), u(""),
           a("All files are written. Submitting.", "echo COMPLETE_TASK_AND_SUBMIT_FINAL_OUTPUT"), ("user", "")])
# 87 premature: widespread 422, nothing verified
spec(87, "koa", logstyle="none", fails={k: 422 for k in ["reg", "login", "loginTok", "updUser", "create", "updArt", "favorite",
                                                         "createCmt", "celeb", "follow"]},
     traj=[a("Write the models.", "cat <<'EOF' > src/models/index.js\n" + "// model\n" * 50 + "EOF"), u(""),
           a("Write the controllers.", "cat <<'EOF' > src/controllers/users.js\n" + "// controller\n" * 70 + "EOF"), u(""),
           a("Write run.sh.", "printf '#!/bin/sh\\nnpm install\\nnode src/server.js\\n' > run.sh && chmod +x run.sh"), u(""),
           a("The implementation is complete.", "echo COMPLETE_TASK_AND_SUBMIT_FINAL_OUTPUT"), ("user", "")])
# 88 constraint: Django ORM instead of SQLAlchemy
spec(88, "django", fails={"createCmt": 500}, verifier="ORM: FAILED \u2014 no SQLAlchemy evidence found",
     errs={"createCmt": django_err(f"/api/articles/{SLUG}/comments", [("/repository/api/serializers.py", 52, "get_author", "return profile_of(obj.author, self.context['request'].user)")],
                                   "AttributeError: 'NoneType' object has no attribute 'user'")})
# 89 constraint: Django ORM, 405 and 500
spec(89, "django", fails={"updUser": 405, "profile": 500}, verifier="ORM: FAILED \u2014 no SQLAlchemy evidence found",
     errs={"profile": django_err("/api/profiles/celeb_user", [("/repository/api/views.py", 120, "profile", "following = request.user.following.filter(pk=target.pk).exists()")],
                                 "AttributeError: 'AnonymousUser' object has no attribute 'following'")})
