#!/usr/bin/env python3
"""explain_statements.py - every SQL statement of the responders, the
renderer and lib/, taken from the code itself, for test_explain.sh.

    explain_statements.py SRCDIR BUILDDIR  > statements.json
    explain_statements.py --explain CONNINFO statements.json LARGE_MIN

Each C file of fcgi/, lib/ and render/ that holds SQL is run through the C
preprocessor (so a statement built from macros, e.g. SQL_STR(CZ_...), is
seen as the compiler sees it), then read token by token:
  - cz_db_register(db, "name", SQL, ...): a prepared statement, SQL being
    string literals or a `static const char NAME[]` of the same file;
  - static const char NAME[] = "..." ...;  (render/queue.c and others run
    these with PQexecParams);
  - any other run of string literals that reads as a statement (starts
    with SELECT, INSERT, UPDATE, DELETE or WITH).
A cz_db_register() whose SQL is neither (built at run time) is printed
with "sql": null, and the test must know it by name: a new statement is
never silently left out.

Prints a JSON list of {"name", "file", "sql"}. With --explain, EXPLAINs
each statement of such a list (see explain() below).
"""
import json
import os
import re
import subprocess
import sys

TOKEN = re.compile(r'''
    (?P<str>"(?:[^"\\\n]|\\.)*")
  | (?P<chr>'(?:[^'\\\n]|\\.)*')
  | (?P<id>[A-Za-z_][A-Za-z0-9_]*)
  | (?P<num>[0-9][A-Za-z0-9_.]*)
  | (?P<ws>\s+)
  | (?P<p>.)
''', re.X | re.S)
STATEMENT = re.compile(r'^\s*(SELECT|INSERT|UPDATE|DELETE|WITH)\b', re.I)
ESCAPES = {'n': '\n', 't': '\t', 'r': '\r', '"': '"', '\\': '\\', "'": "'",
           '0': '\0', '?': '?'}


def unquote(lit):
    body, out, i = lit[1:-1], [], 0
    while i < len(body):
        c = body[i]
        if c == '\\' and i + 1 < len(body):
            out.append(ESCAPES.get(body[i + 1], body[i + 1]))
            i += 2
        else:
            out.append(c)
            i += 1
    return ''.join(out)


def tokens(text):
    for m in TOKEN.finditer(text):
        kind = m.lastgroup
        if kind != 'ws':
            yield kind, m.group()


def preprocess(path, srcdir, builddir, cflags):
    cmd = (['cc', '-E', '-P', '-w', '-DCZ_EXPLAIN_EXTRACT=1', '-I', builddir,
            '-I', os.path.join(srcdir, 'lib'), '-I', os.path.join(srcdir, 'fcgi'),
            '-I', os.path.join(srcdir, 'render')] + cflags + [path])
    r = subprocess.run(cmd, capture_output=True, text=True)
    if r.returncode != 0:
        sys.exit('explain_statements.py: %s: %s' % (' '.join(cmd), r.stderr[:2000]))
    return r.stdout


def literal_run(toks, i):
    """The string literals from toks[i] on, joined; and the index after."""
    parts = []
    while i < len(toks) and toks[i][0] == 'str':
        parts.append(unquote(toks[i][1]))
        i += 1
    return ''.join(parts), i


def scan(rel, text):
    toks = list(tokens(text))
    arrays, found, used = {}, [], set()
    # static const char NAME[] = "..." ...;
    for i in range(len(toks) - 6):
        if (toks[i] == ('id', 'char') and toks[i + 1][0] == 'id' and
                toks[i + 2] == ('p', '[') and toks[i + 3] == ('p', ']') and
                toks[i + 4] == ('p', '=') and toks[i + 5][0] == 'str'):
            sql, j = literal_run(toks, i + 5)
            if j < len(toks) and toks[j] == ('p', ';'):
                arrays[toks[i + 1][1]] = (sql, i + 5)
    # cz_db_register(db, "name", SQL, ...)
    for i in range(len(toks) - 6):
        if toks[i] != ('id', 'cz_db_register') or toks[i + 1] != ('p', '('):
            continue
        if toks[i + 2][0] != 'id' or toks[i + 3] != ('p', ','):
            continue                   # the declaration, not a call
        if toks[i + 4][0] != 'str':
            found.append({'name': '%s:?' % rel, 'file': rel, 'sql': None})
            continue
        name = unquote(toks[i + 4][1])
        j = i + 6
        if toks[j][0] == 'str':
            sql, _ = literal_run(toks, j)
            used.add(j)
        elif toks[j][0] == 'id' and toks[j][1] in arrays:
            sql, at = arrays[toks[j][1]]
            used.add(at)
        else:
            sql = None
        found.append({'name': name, 'file': rel, 'sql': sql})
    for arr, (sql, at) in arrays.items():
        if at not in used and STATEMENT.match(sql):
            found.append({'name': '%s:%s' % (rel, arr), 'file': rel, 'sql': sql})
            used.add(at)
    # Any other statement-looking run of literals.
    i = 0
    while i < len(toks):
        if toks[i][0] == 'str' and (i == 0 or toks[i - 1][0] != 'str'):
            sql, j = literal_run(toks, i)
            if i not in used and STATEMENT.match(sql) and \
                    not any(sql == a for a, _ in arrays.values()):
                found.append({'name': '%s:%d' % (rel, len(found)), 'file': rel,
                              'sql': sql})
            i = j
        else:
            i += 1
    return found


def plan_nodes(node):
    yield node
    for child in node.get('Plans', []):
        yield from plan_nodes(child)


def explain(conninfo, path, large_min):
    """For each statement of the JSON list at path (with "sql" filled):
    PREPARE it, EXPLAIN its generic plan (plan_cache_mode
    force_generic_plan: the plan a prepared statement settles on, whatever
    the parameters, which are all NULL here) and print one line per
    statement: NAME, TAB, ok|seqscan|error, TAB, what. A sequential scan
    counts when its table (or partition) holds at least large_min rows
    by the planner's statistics."""
    stmts = json.load(open(path, encoding='utf-8'))
    q = ("SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = "
         "c.relnamespace WHERE n.nspname = 'public' AND c.relkind = 'r' AND "
         "c.reltuples >= %d" % large_min)
    r = subprocess.run(['psql', '-X', '-At', '-v', 'ON_ERROR_STOP=1', conninfo,
                        '-c', q], capture_output=True, text=True)
    if r.returncode != 0:
        sys.exit('explain_statements.py: %s' % r.stderr)
    large = set(r.stdout.split())
    print('#large\t%s' % ' '.join(sorted(large)))
    # One session for all (a psql per statement is slow on a busy
    # machine): each statement's output follows its marker line; one that
    # fails leaves no plan there and is run alone for its message.
    script = ['SET plan_cache_mode = force_generic_plan;']
    for i, s in enumerate(stmts):
        script.append(r'\echo ##%d' % i)
        script.append('PREPARE s%d AS %s;' % (i, s['sql']))
        script.append('EXPLAIN (FORMAT JSON) EXECUTE s%d%s;' % (i, args_of(s['sql'])))
    r = subprocess.run(['psql', '-X', '-q', '-At', conninfo], capture_output=True,
                       text=True, input='\n'.join(script) + '\n')
    outputs, cur = {}, None
    for line in r.stdout.splitlines(keepends=True):
        m = re.match(r'^##([0-9]+)$', line.strip())
        if m:
            cur = int(m.group(1))
            outputs[cur] = ''
        elif cur is not None:
            outputs[cur] += line
    for i, s in enumerate(stmts):
        try:
            plan = json.loads(outputs.get(i, ''))[0]['Plan']
        except (ValueError, IndexError, KeyError):
            alone = ('SET plan_cache_mode = force_generic_plan;\nPREPARE s AS %s;\n'
                     'EXPLAIN (FORMAT JSON) EXECUTE s%s;\n' % (s['sql'], args_of(s['sql'])))
            e = subprocess.run(['psql', '-X', '-q', '-At', '-v', 'ON_ERROR_STOP=1',
                                conninfo], input=alone, capture_output=True, text=True)
            print('%s\terror\t%s' % (s['name'], (e.stderr or 'no plan').strip().replace('\n', ' ')[:300]))
            continue
        seq = sorted({n['Relation Name'] for n in plan_nodes(plan)
                      if n.get('Node Type') == 'Seq Scan' and
                      n.get('Relation Name') in large})
        scans = sorted({'%s %s' % (n['Node Type'], n.get('Index Name') or n.get('Relation Name'))
                        for n in plan_nodes(plan) if 'Relation Name' in n})
        if seq:
            print('%s\tseqscan\t%s (plan: %s)' % (s['name'], ', '.join(seq), '; '.join(scans)))
        else:
            print('%s\tok\t%s' % (s['name'], '; '.join(scans) or plan['Node Type']))


def args_of(sql):
    """(NULL, ...) for each $n of sql; "" without parameters."""
    n = max([int(x) for x in re.findall(r'\$([0-9]+)', sql)] or [0])
    return '(%s)' % ', '.join(['NULL'] * n) if n else ''


def main():
    if len(sys.argv) == 5 and sys.argv[1] == '--explain':
        explain(sys.argv[2], sys.argv[3], int(sys.argv[4]))
        return
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    srcdir, builddir = sys.argv[1], sys.argv[2]
    cflags = []
    for pkg in ('libpq', 'json-c', 'freetype2', 'libxml-2.0', 'libavcodec',
                'libavformat', 'libavutil', 'libswscale', 'libargon2',
                'libpng', 'fcgi'):
        r = subprocess.run(['pkg-config', '--cflags', pkg], capture_output=True,
                           text=True)
        if r.returncode == 0:
            cflags += r.stdout.split()
    out, seen = [], set()
    for d in ('fcgi', 'lib', 'render'):
        for f in sorted(os.listdir(os.path.join(srcdir, d))):
            if not f.endswith('.c'):
                continue
            path = os.path.join(srcdir, d, f)
            with open(path, encoding='utf-8') as fh:
                src = fh.read()
            if not re.search(r'cz_db_register|PQexec|PQprepare|SQL', src):
                continue
            for s in scan('%s/%s' % (d, f), preprocess(path, srcdir, builddir, cflags)):
                key = (s['name'], s['sql'])
                if key not in seen:
                    seen.add(key)
                    out.append(s)
    json.dump(out, sys.stdout, indent=1)
    print()


if __name__ == '__main__':
    main()
