#!/usr/bin/env python3
"""Moves inline `lang.Pick("nl", "en")` text pairs into the projects' *.texts.json catalogues.

Run from the repository root: python3 tools/texts/pick_to_catalog.py [--dry-run]
Each Pick call whose two arguments are string literals (plain, verbatim, raw or interpolated, possibly
joined with +) becomes `lang.Text("Area.key", ("name", value), ...)`; interpolation holes become named
placeholders. Calls it cannot convert safely are listed and left as they are. Existing catalogue entries
are reused when the same pair occurs again. Idempotent: a second run finds nothing to do.
"""
import json, os, re, sys

ROOT = os.getcwd()
PROJECTS = {
    'src/MdoBot.Teams': 'src/MdoBot.Teams/Texts',
    'src/MdoBot.BotFramework': 'src/MdoBot.BotFramework/Texts',
}
SKIP_FILES = {'src/MdoBot.BotFramework/Routing/Language.cs'}

def area_of(path):
    rel = path.split('/')
    proj = '/'.join(rel[:2])
    if proj == 'src/MdoBot.BotFramework':
        return 'Protocol'
    sub = rel[2:-1]
    if not sub:
        return 'App'
    if sub[0] == 'Cards':
        return (sub[1] + 'Cards') if len(sub) > 1 else 'Cards'
    if sub[0] == 'Handlers':
        return sub[1] if len(sub) > 1 else 'Handlers'
    if sub[0] == 'MdoFlow':
        return 'Flow'
    return sub[0]

class Skip(Exception):
    pass

def skip_ws(s, i):
    while i < len(s):
        if s[i].isspace():
            i += 1
        elif s.startswith('//', i):
            i = s.index('\n', i)
        else:
            break
    return i

def decode_escape(s, i):
    c = s[i + 1]
    simple = {'"': '"', '\\': '\\', 'n': '\n', 't': '\t', 'r': '\r', '0': '\0', "'": "'"}
    if c in simple:
        return simple[c], i + 2
    if c == 'u':
        return chr(int(s[i + 2:i + 6], 16)), i + 6
    raise Skip('escape \\' + c)

def read_hole(s, i):
    """s[i] is just after '{' of a hole; returns (expr, fmt, index after '}')."""
    depth = 0; j = i; expr_end = None; fmt_start = None
    while j < len(s):
        c = s[j]
        if c == '"':
            j += 1
            while s[j] != '"':
                j += 2 if s[j] == '\\' else 1
        elif c in '([{':
            depth += 1
        elif c in ')]':
            depth -= 1
        elif c == '}':
            if depth == 0:
                break
            depth -= 1
        elif c == ':' and depth == 0 and fmt_start is None:
            expr_end = j; fmt_start = j + 1
        elif c == ',' and depth == 0:
            raise Skip('alignment in hole')
        j += 1
    expr = s[i:expr_end if expr_end is not None else j].strip()
    fmt = s[fmt_start:j] if fmt_start is not None else None
    return expr, fmt, j + 1

def read_literal(s, i):
    """Returns (parts, index after literal); parts are ('t', text) or ('h', expr, fmt)."""
    parts = []
    interp = False; verbatim = False
    while s[i] in '$@':
        interp |= s[i] == '$'; verbatim |= s[i] == '@'; i += 1
    if s.startswith('"""', i):
        if interp:
            raise Skip('interpolated raw string')
        end = s.index('"""', i + 3)
        body = s[i + 3:end]
        lines = body.split('\n')
        indent = len(lines[-1])
        text = '\n'.join(l[indent:] for l in lines[1:-1])
        return [('t', text)], end + 3
    if s[i] != '"':
        raise Skip('not a literal')
    i += 1; buf = ''
    while True:
        c = s[i]
        if c == '"':
            if verbatim and s[i + 1:i + 2] == '"':
                buf += '"'; i += 2; continue
            i += 1; break
        if c == '\\' and not verbatim:
            ch, i = decode_escape(s, i); buf += ch; continue
        if c == '\n' and not verbatim:
            raise Skip('newline in literal')
        if interp and c == '{':
            if s[i + 1] == '{':
                raise Skip('literal brace')
            if buf:
                parts.append(('t', buf)); buf = ''
            expr, fmt, i = read_hole(s, i + 1)
            parts.append(('h', expr, fmt)); continue
        if interp and c == '}':
            raise Skip('literal brace')
        if c in '{}':
            raise Skip('literal brace')
        buf += c; i += 1
    if buf:
        parts.append(('t', buf))
    return parts, i

def read_string_expr(s, i):
    parts = []
    while True:
        i = skip_ws(s, i)
        p, i = read_literal(s, i)
        parts += p
        j = skip_ws(s, i)
        if s[j] == '+':
            i = j + 1; continue
        return parts, j

def placeholder_name(expr, used):
    m = re.fullmatch(r'[A-Za-z_][\w]*(?:\.[A-Za-z_]\w*)*(?:\(\))?', expr)
    if m:
        segs = [x for x in expr.replace('()', '').split('.')]
        name = segs[-1]
        if name in ('Count', 'Length', 'Name', 'Id', 'Value', 'Code') and len(segs) > 1 and segs[-2] not in ('c', 'a', 'mdo', 'ctx', 'x', 'p', 'h', 'e'):
            name = segs[-2] + name
        name = name[0].lower() + name[1:]
    else:
        name = 'value'
    base = name; n = 2
    while name in used and used[name] != expr:
        name = f'{base}{n}'; n += 1
    used[name] = expr
    return name

def render(parts, names):
    out = ''
    for p in parts:
        if p[0] == 't':
            out += p[1]
        else:
            out += '{' + names[p[1]] + (':' + p[2] if p[2] else '') + '}'
    return out

def slug(en):
    plain = re.sub(r"(?<=[A-Za-z])['’-](?=[A-Za-z])", '', re.sub(r'\{[^}]*\}', ' ', en))
    words = re.findall(r'[A-Za-z0-9]+', plain)[:6]
    if not words:
        words = ['text']
    s = words[0].lower() + ''.join(w[:1].upper() + w[1:].lower() for w in words[1:])
    return s[:48]

def main(dry):
    catalogs = {}
    def catalog(proj, area):
        key = (proj, area)
        if key not in catalogs:
            path = os.path.join(PROJECTS[proj], area + '.texts.json')
            catalogs[key] = (path, json.load(open(path, encoding='utf-8')) if os.path.exists(path) else {})
        return catalogs[key][1]
    skipped = []; converted = 0
    for proj in PROJECTS:
        for dirpath, _, files in os.walk(proj):
            if '/bin' in dirpath or '/obj' in dirpath:
                continue
            for f in sorted(files):
                if not f.endswith('.cs'):
                    continue
                path = os.path.join(dirpath, f)
                if path in SKIP_FILES:
                    continue
                src = open(path, encoding='utf-8').read()
                out = ''; at = 0; changed = False
                for m in re.finditer(r'\.Pick\(', src):
                    if m.start() < at:
                        continue
                    line = src.count('\n', 0, m.start()) + 1
                    try:
                        nl, i = read_string_expr(src, m.end())
                        if src[i] != ',':
                            raise Skip('not two literals')
                        en, i = read_string_expr(src, i + 1)
                        if src[i] != ')':
                            raise Skip('more arguments')
                        hn = sorted(p[1] for p in nl if p[0] == 'h'); he = sorted(p[1] for p in en if p[0] == 'h')
                        if hn != he:
                            raise Skip('different holes')
                        used = {}; names = {}
                        for p in nl + en:
                            if p[0] == 'h' and p[1] not in names:
                                names[p[1]] = placeholder_name(p[1], used)
                        nl_text = render(nl, names); en_text = render(en, names)
                        area = area_of(path); cat = catalog(proj, area)
                        key = next((k for k, v in cat.items() if v == {'nl': nl_text, 'en': en_text}), None)
                        if key is None:
                            base = slug(en_text); key = base; n = 2
                            while key in cat:
                                key = f'{base}{n}'; n += 1
                            cat[key] = {'nl': nl_text, 'en': en_text}
                        args = ''.join(f', ("{names[e]}", {e})' for e in dict.fromkeys(p[1] for p in nl + en if p[0] == 'h'))
                        out += src[at:m.start()] + f'.Text("{area}.{key}"{args})'
                        at = i + 1; changed = True; converted += 1
                    except (Skip, IndexError, ValueError) as e:
                        skipped.append(f'{path}:{line}: {e}')
                if changed:
                    out += src[at:]
                    if not dry:
                        open(path, 'w', encoding='utf-8').write(out)
    # Drop entries no source uses any more (e.g. a text changed since it was moved).
    used = set()
    for proj in PROJECTS:
        for dirpath, _, files in os.walk(proj):
            for f in files:
                if f.endswith('.cs'):
                    text = open(os.path.join(dirpath, f), encoding='utf-8').read()
                    used.update(re.findall(r'\.Text\(\s*"([A-Za-z]+\.[A-Za-z0-9]+)"', text))
        for f in os.listdir(PROJECTS[proj]) if os.path.isdir(PROJECTS[proj]) else []:
            if f.endswith('.texts.json'):
                catalog(proj, f[:-len('.texts.json')])
    if not dry:
        for (proj, area), (path, cat) in catalogs.items():
            for k in [k for k in cat if f'{area}.{k}' not in used]:
                print('  unused, removed:', f'{area}.{k}')
                del cat[k]
            os.makedirs(os.path.dirname(path), exist_ok=True)
            with open(path, 'w', encoding='utf-8') as fh:
                json.dump(cat, fh, ensure_ascii=False, indent=2); fh.write('\n')
    print(f'converted {converted}, left {len(skipped)}')
    for s in skipped:
        print('  left:', s)

main('--dry-run' in sys.argv)
