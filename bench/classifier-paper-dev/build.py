"""Builds runner-image/src/test/resources/classify/paper-dev/paper-judge-reconstructed.json.

Each case reconstructs one failed run of the paper (github.com/francdente/constraint-decay) from the
reasoning its LLM judge wrote in data/logic_subcategories_<model>.csv (logic errors) or
data/failure_analysis_<model>.csv (other classes), labelled with the judge's label. RUNS below names
the run and its label; specs.py holds what the judge's text says about it (requests, statuses, log
lines); lib.py renders the paper's sample shape. Usage: python3 build.py OUTPUT_DIR
"""
import json, os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from lib import Run
from specs import S

LOGIC = ("auth_misconfiguration", "incorrect_query_logic", "state_propagation_failure",
         "database_runtime_error", "framework_idiosyncrasy", "business_logic_defect")
# n: (model, task, run_id, judge label); drawn with random.seed(20260607), at most 12 per logic
# subcategory and 17 runs of other classes, from the gpt-5.4, gpt-5-mini and minimax-m2.5 files only.
RUNS = {
    1: ("minimax-m2.5", "django-openapi-clean_architecture-postgres-sqlalchemy", "run_2", "auth_misconfiguration"),
    2: ("gpt-5-mini", "fastapi-openapi-clean_architecture", "run_0", "auth_misconfiguration"),
    3: ("gpt-5-mini", "fastapi-openapi-clean_architecture-sqlite", "run_1", "auth_misconfiguration"),
    4: ("gpt-5-mini", "fastapi-openapi-sqlite", "run_1", "auth_misconfiguration"),
    5: ("gpt-5-mini", "django-openapi-clean_architecture-postgres-sqlalchemy", "run_1", "auth_misconfiguration"),
    6: ("gpt-5.4", "fastapi-openapi-clean_architecture-sqlite-sqlalchemy", "run_0", "auth_misconfiguration"),
    7: ("gpt-5-mini", "fastapi-openapi-postgres-sqlalchemy", "run_0", "auth_misconfiguration"),
    8: ("minimax-m2.5", "fastapi-openapi-postgres", "run_0", "auth_misconfiguration"),
    9: ("minimax-m2.5", "fastapi-openapi-clean_architecture-sqlite-sqlalchemy", "run_2", "auth_misconfiguration"),
    10: ("gpt-5-mini", "aiohttp-openapi-sqlite-sqlalchemy", "run_1", "auth_misconfiguration"),
    11: ("gpt-5-mini", "flask-openapi-clean_architecture-postgres-sqlalchemy", "run_2", "auth_misconfiguration"),
    12: ("minimax-m2.5", "aiohttp-openapi-sqlite", "run_2", "auth_misconfiguration"),
    13: ("minimax-m2.5", "flask-openapi-postgres-sqlalchemy", "run_1", "business_logic_defect"),
    14: ("gpt-5-mini", "express-openapi-clean_architecture-postgres", "run_0", "business_logic_defect"),
    15: ("gpt-5-mini", "django-openapi-clean_architecture", "run_0", "business_logic_defect"),
    16: ("gpt-5-mini", "django-openapi-clean_architecture", "run_1", "business_logic_defect"),
    17: ("minimax-m2.5", "express-openapi-postgres", "run_0", "business_logic_defect"),
    18: ("gpt-5-mini", "fastapi-openapi-postgres", "run_2", "business_logic_defect"),
    19: ("gpt-5.4", "fastify-openapi-postgres-sequelize", "run_2", "business_logic_defect"),
    20: ("minimax-m2.5", "koa-openapi-clean_architecture-postgres", "run_0", "business_logic_defect"),
    21: ("minimax-m2.5", "hono-openapi-clean_architecture-sqlite", "run_1", "business_logic_defect"),
    22: ("minimax-m2.5", "hono-openapi-postgres-sequelize", "run_1", "business_logic_defect"),
    23: ("gpt-5-mini", "fastapi-openapi-unconstrained", "run_2", "business_logic_defect"),
    24: ("minimax-m2.5", "aiohttp-openapi-clean_architecture", "run_1", "business_logic_defect"),
    25: ("gpt-5.4", "django-openapi-postgres-sqlalchemy", "run_2", "database_runtime_error"),
    26: ("minimax-m2.5", "flask-openapi-clean_architecture-sqlite-sqlalchemy", "run_1", "database_runtime_error"),
    27: ("gpt-5.4", "koa-openapi-clean_architecture-postgres", "run_1", "database_runtime_error"),
    28: ("minimax-m2.5", "aiohttp-openapi-postgres-sqlalchemy", "run_2", "database_runtime_error"),
    29: ("minimax-m2.5", "aiohttp-openapi-clean_architecture", "run_2", "database_runtime_error"),
    30: ("gpt-5-mini", "aiohttp-openapi-sqlite-sqlalchemy", "run_2", "database_runtime_error"),
    31: ("gpt-5.4", "django-openapi-sqlite-sqlalchemy", "run_2", "database_runtime_error"),
    32: ("gpt-5-mini", "flask-openapi-clean_architecture-postgres", "run_2", "database_runtime_error"),
    33: ("minimax-m2.5", "flask-openapi-clean_architecture-sqlite", "run_2", "database_runtime_error"),
    34: ("minimax-m2.5", "flask-openapi-clean_architecture-postgres", "run_1", "database_runtime_error"),
    35: ("gpt-5-mini", "express-openapi-sqlite", "run_1", "database_runtime_error"),
    36: ("gpt-5-mini", "aiohttp-openapi-postgres", "run_1", "database_runtime_error"),
    37: ("minimax-m2.5", "fastify-openapi-sqlite", "run_2", "framework_idiosyncrasy"),
    38: ("minimax-m2.5", "django-openapi-clean_architecture-sqlite-sqlalchemy", "run_0", "framework_idiosyncrasy"),
    39: ("minimax-m2.5", "fastify-openapi-clean_architecture-sqlite-sequelize", "run_2", "framework_idiosyncrasy"),
    40: ("gpt-5.4", "fastify-openapi-clean_architecture-sqlite", "run_2", "framework_idiosyncrasy"),
    41: ("gpt-5-mini", "fastify-openapi-clean_architecture-postgres-sequelize", "run_0", "framework_idiosyncrasy"),
    42: ("minimax-m2.5", "fastify-openapi-clean_architecture", "run_1", "framework_idiosyncrasy"),
    43: ("minimax-m2.5", "fastify-openapi-sqlite", "run_0", "framework_idiosyncrasy"),
    44: ("minimax-m2.5", "fastify-openapi-clean_architecture-sqlite", "run_2", "framework_idiosyncrasy"),
    45: ("minimax-m2.5", "fastify-openapi-sqlite", "run_1", "framework_idiosyncrasy"),
    46: ("minimax-m2.5", "fastify-openapi-unconstrained", "run_2", "framework_idiosyncrasy"),
    47: ("gpt-5.4", "fastify-openapi-unconstrained", "run_0", "framework_idiosyncrasy"),
    48: ("gpt-5-mini", "fastify-openapi-unconstrained", "run_0", "framework_idiosyncrasy"),
    49: ("gpt-5.4", "fastapi-openapi-clean_architecture-postgres-sqlalchemy", "run_2", "incorrect_query_logic"),
    50: ("gpt-5-mini", "express-openapi-postgres", "run_2", "incorrect_query_logic"),
    51: ("gpt-5.4", "hono-openapi-clean_architecture", "run_1", "incorrect_query_logic"),
    52: ("gpt-5-mini", "express-openapi-unconstrained", "run_0", "incorrect_query_logic"),
    53: ("gpt-5-mini", "fastapi-openapi-postgres", "run_0", "incorrect_query_logic"),
    54: ("gpt-5.4", "hono-openapi-postgres-sequelize", "run_2", "incorrect_query_logic"),
    55: ("minimax-m2.5", "hono-openapi-sqlite-sequelize", "run_1", "incorrect_query_logic"),
    56: ("minimax-m2.5", "koa-openapi-sqlite", "run_0", "incorrect_query_logic"),
    57: ("minimax-m2.5", "koa-openapi-sqlite-sequelize", "run_2", "incorrect_query_logic"),
    58: ("gpt-5.4", "flask-openapi-unconstrained", "run_0", "incorrect_query_logic"),
    59: ("gpt-5.4", "flask-openapi-clean_architecture-sqlite", "run_2", "incorrect_query_logic"),
    60: ("gpt-5.4", "fastify-openapi-clean_architecture-sqlite", "run_0", "incorrect_query_logic"),
    61: ("minimax-m2.5", "hono-openapi-sqlite", "run_1", "state_propagation_failure"),
    62: ("minimax-m2.5", "koa-openapi-clean_architecture-sqlite", "run_2", "state_propagation_failure"),
    63: ("minimax-m2.5", "koa-openapi-clean_architecture", "run_2", "state_propagation_failure"),
    64: ("gpt-5-mini", "django-openapi-clean_architecture-sqlite-sqlalchemy", "run_2", "state_propagation_failure"),
    65: ("minimax-m2.5", "flask-openapi-clean_architecture-postgres-sqlalchemy", "run_2", "state_propagation_failure"),
    66: ("minimax-m2.5", "django-openapi-postgres", "run_2", "state_propagation_failure"),
    67: ("minimax-m2.5", "fastapi-openapi-clean_architecture-sqlite-sqlalchemy", "run_0", "state_propagation_failure"),
    68: ("minimax-m2.5", "hono-openapi-sqlite", "run_2", "state_propagation_failure"),
    69: ("gpt-5.4", "fastapi-openapi-clean_architecture-sqlite", "run_1", "state_propagation_failure"),
    70: ("gpt-5.4", "aiohttp-openapi-sqlite-sqlalchemy", "run_2", "state_propagation_failure"),
    71: ("minimax-m2.5", "flask-openapi-clean_architecture-postgres-sqlalchemy", "run_0", "state_propagation_failure"),
    72: ("minimax-m2.5", "aiohttp-openapi-clean_architecture-postgres-sqlalchemy", "run_1", "state_propagation_failure"),
    73: ("gpt-5-mini", "hono-openapi-postgres", "run_2", "server_startup_failure"),
    74: ("gpt-5-mini", "fastapi-openapi-postgres", "run_1", "server_startup_failure"),
    75: ("minimax-m2.5", "koa-openapi-postgres", "run_1", "server_startup_failure"),
    76: ("gpt-5-mini", "koa-openapi-clean_architecture", "run_2", "server_startup_failure"),
    77: ("gpt-5-mini", "fastapi-openapi-clean_architecture-sqlite-sqlalchemy", "run_1", "server_startup_failure"),
    78: ("gpt-5-mini", "django-openapi-clean_architecture-postgres-sqlalchemy", "run_0", "incomplete_implementation"),
    79: ("gpt-5-mini", "flask-openapi-clean_architecture-postgres", "run_1", "incomplete_implementation"),
    80: ("gpt-5-mini", "fastify-openapi-clean_architecture-sqlite-sequelize", "run_1", "incomplete_implementation"),
    81: ("gpt-5-mini", "koa-openapi-clean_architecture-postgres-sequelize", "run_2", "incomplete_implementation"),
    82: ("gpt-5.4", "flask-openapi-clean_architecture-postgres", "run_2", "schema_format_error"),
    83: ("gpt-5.4", "django-openapi-clean_architecture", "run_0", "schema_format_error"),
    84: ("gpt-5-mini", "django-openapi-postgres-sqlalchemy", "run_2", "schema_format_error"),
    85: ("gpt-5.4", "django-openapi-sqlite", "run_0", "schema_format_error"),
    86: ("gpt-5.4", "fastify-openapi-clean_architecture-postgres", "run_0", "premature_termination"),
    87: ("gpt-5-mini", "koa-openapi-clean_architecture-sqlite-sequelize", "run_2", "premature_termination"),
    88: ("minimax-m2.5", "django-openapi-postgres-sqlalchemy", "run_2", "constraint_violation"),
    89: ("minimax-m2.5", "django-openapi-postgres-sqlalchemy", "run_1", "constraint_violation"),
}

out = []
for n in sorted(S):
    sp = dict(S[n])
    model, task, run_id, label = RUNS[n]
    logic = label in LOGIC
    sp.update(model=model, task=task, run_id=run_id, label=label,
              src=f"data/{'logic_subcategories' if logic else 'failure_analysis'}_{model}.csv")
    out.append(Run(sp).sample())
d = sys.argv[1]
os.makedirs(d, exist_ok=True)
path = os.path.join(d, "paper-judge-reconstructed.json")
json.dump(out, open(path, "w"), indent=1, ensure_ascii=False)
print(len(out), os.path.getsize(path))
