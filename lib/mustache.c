/*
 * mustache.c - mustache templates: a compiler from source to a tree of
 * nodes, a renderer that walks the tree, and named sets of templates.
 *
 * Compiling does all the work that depends on the source alone: tags are
 * found, names split on dots, standalone lines removed, block content
 * re-indented, and every node that starts a template line is flagged so
 * that partial indentation costs nothing when there is none. A template's
 * nodes and strings live in one arena, freed with the template.
 *
 * Rendering keeps its stacks (contexts, indentation, parent overrides) in
 * the C stack frames of the recursion, bounded by MST_MAX_DEPTH, and
 * writes only into the caller's cz_buf.
 *
 * Whitespace rules beyond the core specification follow the inheritance
 * module's tests: a parent tag pair alone on its line is standalone as a
 * whole; a block definition (a block inside a parent) whose opening tag
 * ends its line starts on the next line and loses the indentation of its
 * first line on every line; a block whose opening tag is standalone gives
 * an override the indentation of its own first line of default content,
 * and a block pair alone on its line gives it the indentation before it.
 */
#include "config.h"

#include <sys/stat.h>

#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "buf.h"
#include "mustache.h"

#define NOPOS		SIZE_MAX
#define MAX_DIR_LEVELS	16

enum nkind {
	N_TEXT,
	N_VAR,		/* {{name}}: escaped */
	N_RAW,		/* {{{name}}} and {{&name}} */
	N_SECTION,
	N_INVERTED,
	N_PARTIAL,
	N_PARENT,
	N_BLOCK
};

#define F_BOL		0x01	/* starts a template line: gets the indentation */
#define F_STANDALONE	0x02	/* partial, parent: alone on its line;
				   block: opening tag alone on its line */
#define F_PAIR		0x04	/* block: tag pair alone on its line */
#define F_MIDNL		0x08	/* text: a newline before the last byte */

struct part {
	const char	*s;	/* NUL-terminated */
	size_t		 n;
};

struct node {
	struct node		*next;
	struct node		*child;
	const char		*str;	/* text, or the name as written */
	size_t			 len;
	const struct part	*parts;	/* dotted name; none for "." */
	size_t			 nparts;
	const char		*indent;
	size_t			 indentlen;
	uint32_t		 hash;	/* of a partial or parent name */
	unsigned char		 kind;
	unsigned char		 flags;
};

struct tmpl {
	struct tmpl	*next;		/* hash chain */
	const char	*name;
	size_t		 namelen;
	uint32_t	 hash;
	cz_arena	*arena;		/* holds this struct and the tree */
	struct node	*root;
};

struct mst_set {
	struct tmpl	**tab;
	size_t		 size;		/* buckets, a power of two */
	size_t		 count;
	size_t		 max_steps;
};

/* --- compiling ----------------------------------------------------------- */

enum tkind {
	T_VAR, T_RAW, T_COMMENT, T_DELIM, T_SECTION, T_INVERTED, T_CLOSE,
	T_PARTIAL, T_PARENT, T_BLOCK
};

struct frame {
	struct node	*node;		/* container; NULL at the root */
	struct node	**tail;		/* where the next child goes */
	struct node	*last;		/* last child appended */
	struct node	*before;	/* outer container's last child before node */
	size_t		 dedent;	/* blanks removed at each line start */
	size_t		 open_ts;	/* where the opening tag starts */
	size_t		 open_te;	/* and ends */
	size_t		 pfx;		/* line start before the opening tag when
					   only blanks lie between, else NOPOS */
	size_t		 pfxlen;	/* those blanks after dedent */
	int		 def;		/* block definition inside a parent */
	int		 alone;		/* the opening tag was standalone */
};

struct parser {
	const char	*src;
	size_t		 len;
	size_t		 pos;
	char		 otag[MST_MAX_DELIM];
	char		 ctag[MST_MAX_DELIM];
	size_t		 olen;
	size_t		 clen;
	int		 bol;		/* output is at a template line start */
	cz_arena	*arena;
	struct frame	 st[MST_MAX_DEPTH + 1];
	int		 sp;
	const char	*what;		/* template name for messages */
	char		*err;
	size_t		 errlen;
};

static void seterr(char *, size_t, const char *, ...)
    __attribute__((format(printf, 3, 4)));
static int perr(struct parser *, size_t, const char *, ...)
    __attribute__((format(printf, 3, 4)));

static void
seterr(char *err, size_t errlen, const char *fmt, ...)
{
	va_list ap;

	if (err == NULL || errlen == 0)
		return;
	va_start(ap, fmt);
	vsnprintf(err, errlen, fmt, ap);
	va_end(ap);
}

static unsigned
line_of(const char *src, size_t pos)
{
	unsigned line = 1;
	size_t i;

	for (i = 0; i < pos; i++)
		if (src[i] == '\n')
			line++;
	return line;
}

/* Reports a compile error at pos; always returns -1. */
static int
perr(struct parser *ps, size_t pos, const char *fmt, ...)
{
	char msg[256];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	seterr(ps->err, ps->errlen, "%s: line %u: %s", ps->what,
	    line_of(ps->src, pos > ps->len ? ps->len : pos), msg);
	return -1;
}

static int
is_blank(char c)
{
	return c == ' ' || c == '\t';
}

static int
is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' ||
	    c == '\f' || c == '\v';
}

static uint32_t
name_hash(const char *s, size_t n)
{
	uint32_t h = 2166136261u;

	while (n-- > 0) {
		h ^= (unsigned char)*s++;
		h *= 16777619u;
	}
	return h;
}

/* Offset of the first pat (plen > 0 bytes) in s[from, len), or NOPOS. */
static size_t
find(const char *s, size_t len, size_t from, const char *pat, size_t plen)
{
	const char *p;

	while (from < len && len - from >= plen) {
		p = memchr(s + from, pat[0], len - from - plen + 1);
		if (p == NULL)
			return NOPOS;
		from = (size_t)(p - s);
		if (memcmp(p, pat, plen) == 0)
			return from;
		from++;
	}
	return NOPOS;
}

/*
 * Returns where the blanks before pos start when they reach back to a line
 * start, not before lo; NOPOS otherwise.
 */
static size_t
clear_left(const struct parser *ps, size_t pos, size_t lo)
{
	size_t p = pos;

	while (p > lo && is_blank(ps->src[p - 1]))
		p--;
	if (p == 0 || ps->src[p - 1] == '\n')
		return p;
	return NOPOS;
}

/*
 * Returns the offset past the end of the line (its newline included) when
 * only blanks follow pos on it; NOPOS otherwise.
 */
static size_t
clear_right(const struct parser *ps, size_t pos)
{
	while (pos < ps->len && is_blank(ps->src[pos]))
		pos++;
	if (pos == ps->len)
		return pos;
	if (ps->src[pos] == '\n')
		return pos + 1;
	if (ps->src[pos] == '\r' && pos + 1 < ps->len &&
	    ps->src[pos + 1] == '\n')
		return pos + 2;
	return NOPOS;
}

static size_t
blanks_at(const struct parser *ps, size_t pos)
{
	size_t n = 0;

	while (pos + n < ps->len && is_blank(ps->src[pos + n]))
		n++;
	return n;
}

static struct frame *
top(struct parser *ps)
{
	return &ps->st[ps->sp];
}

static int
in_parent(struct parser *ps)
{
	struct node *c = top(ps)->node;

	return c != NULL && c->kind == N_PARENT;
}

static struct node *
new_node(struct parser *ps, int kind)
{
	struct node *n;

	if ((n = cz_arena_calloc(ps->arena, 1, sizeof(*n))) == NULL)
		return NULL;
	n->kind = (unsigned char)kind;
	return n;
}

/* Links n into the current container; a parent keeps only its blocks. */
static void
append(struct parser *ps, struct node *n)
{
	struct frame *fr = top(ps);

	if (in_parent(ps) && n->kind != N_BLOCK)
		return;
	*fr->tail = n;
	fr->tail = &n->next;
	fr->last = n;
}

static int
oom(struct parser *ps)
{
	return perr(ps, ps->pos, "out of memory");
}

static void
set_midnl(struct node *n)
{
	if (n->len > 1 && memchr(n->str, '\n', n->len - 1) != NULL)
		n->flags |= F_MIDNL;
	else
		n->flags &= ~F_MIDNL;
}

/*
 * Adds the source text [a, b) to the current container, without the
 * container's dedent at each line start. Text directly in a parent is
 * ignored, as the specification says.
 */
static int
emit_text(struct parser *ps, size_t a, size_t b)
{
	const char *src = ps->src;
	size_t ded = top(ps)->dedent, i, k, n;
	struct node *nd;
	char *buf;
	int ls;

	if (a >= b || in_parent(ps))
		return 0;
	if ((buf = cz_arena_alloc(ps->arena, b - a)) == NULL)
		return oom(ps);
	ls = a == 0 || src[a - 1] == '\n';
	for (i = a, n = 0; i < b; ) {
		if (ls && ded > 0) {
			for (k = 0; k < ded && i < b && is_blank(src[i]); k++)
				i++;
			ls = 0;
			continue;
		}
		buf[n] = src[i++];
		ls = buf[n++] == '\n';
	}
	if (n == 0)
		return 0;
	if ((nd = new_node(ps, N_TEXT)) == NULL)
		return oom(ps);
	nd->str = buf;
	nd->len = n;
	if (ps->bol)
		nd->flags |= F_BOL;
	set_midnl(nd);
	ps->bol = buf[n - 1] == '\n';
	append(ps, nd);
	return 0;
}

/* Blanks [p, ts) before a tag at a line start, less the dedent. */
static void
prefix(struct parser *ps, size_t p, size_t ts, const char **s, size_t *n)
{
	size_t ded = top(ps)->dedent, w = ts - p;

	*n = w > ded ? w - ded : 0;
	*s = ps->src + ts - *n;
}

static char *
copy_str(struct parser *ps, const char *s, size_t n)
{
	return cz_arena_strndup(ps->arena, s, n);
}

/* Removes n bytes from the end of text node t (the indentation before a
 * pair that became standalone). */
static void
trim_text(struct node *t, size_t n)
{
	if (t == NULL || n == 0 || t->kind != N_TEXT || t->len < n)
		return;
	t->len -= n;
	if (t->len == 0)
		t->flags &= ~F_BOL;
	set_midnl(t);
}

/*
 * Sets the name of n from the tag content [a, b): blanks around it are
 * dropped; it must be non-empty, without inner spaces. With dotted, it is
 * also split on dots ("." alone is the current context).
 */
static int
set_name(struct parser *ps, struct node *n, size_t a, size_t b, size_t ts,
    int dotted)
{
	const char *src = ps->src;
	struct part *parts;
	size_t i, j, k, np;
	char *name;

	while (a < b && is_space(src[a]))
		a++;
	while (b > a && is_space(src[b - 1]))
		b--;
	if (a == b)
		return perr(ps, ts, "empty tag name");
	if (b - a > MST_MAX_NAME)
		return perr(ps, ts, "tag name longer than %d bytes",
		    MST_MAX_NAME);
	for (i = a; i < b; i++)
		if (is_space(src[i]))
			return perr(ps, ts, "space inside tag name \"%.*s\"",
			    (int)(b - a), src + a);
	if ((name = copy_str(ps, src + a, b - a)) == NULL)
		return oom(ps);
	n->str = name;
	n->len = b - a;
	n->hash = name_hash(name, n->len);
	if (!dotted || (n->len == 1 && name[0] == '.'))
		return 0;

	for (np = 1, i = 0; i < n->len; i++)
		if (name[i] == '.')
			np++;
	if ((parts = cz_arena_calloc(ps->arena, np, sizeof(*parts))) == NULL)
		return oom(ps);
	for (i = j = k = 0; i <= n->len; i++) {
		if (i < n->len && name[i] != '.')
			continue;
		if (i == j)
			return perr(ps, ts, "empty part in dotted name \"%s\"",
			    name);
		if ((parts[k].s = copy_str(ps, name + j, i - j)) == NULL)
			return oom(ps);
		parts[k++].n = i - j;
		j = i + 1;
	}
	n->parts = parts;
	n->nparts = np;
	return 0;
}

/* Applies {{=<% %>=}}: content [a, b) holds the two new delimiters. */
static int
set_delims(struct parser *ps, size_t a, size_t b, size_t ts)
{
	const char *src = ps->src;
	size_t o, ol, c, cl;

	while (a < b && is_space(src[a]))
		a++;
	while (b > a && is_space(src[b - 1]))
		b--;
	for (o = a; a < b && !is_space(src[a]); a++)
		;
	ol = a - o;
	while (a < b && is_space(src[a]))
		a++;
	for (c = a; a < b && !is_space(src[a]); a++)
		;
	cl = a - c;
	if (ol == 0 || cl == 0 || a != b)
		return perr(ps, ts, "set delimiters needs two delimiters");
	if (ol > MST_MAX_DELIM || cl > MST_MAX_DELIM)
		return perr(ps, ts, "delimiter longer than %d bytes",
		    MST_MAX_DELIM);
	memcpy(ps->otag, src + o, ol);
	memcpy(ps->ctag, src + c, cl);
	ps->olen = ol;
	ps->clen = cl;
	return 0;
}

/* Opens container n, whose opening tag is [ts, te). */
static int
push(struct parser *ps, struct node *n, size_t ts, size_t te)
{
	struct frame *fr;
	size_t dedent = top(ps)->dedent;

	if (ps->sp >= MST_MAX_DEPTH)
		return perr(ps, ts, "sections nested deeper than %d",
		    MST_MAX_DEPTH);
	fr = &ps->st[++ps->sp];
	memset(fr, 0, sizeof(*fr));
	fr->node = n;
	fr->tail = &n->child;
	fr->dedent = dedent;
	fr->open_ts = ts;
	fr->open_te = te;
	fr->pfx = NOPOS;
	return 0;
}

/* Finds the tag at ts: its kind, content [*a, *b) and end *te. */
static int
scan_tag(struct parser *ps, size_t ts, int *kind, size_t *a, size_t *b,
    size_t *te)
{
	char close[MST_MAX_DELIM + 1];
	size_t p = ts + ps->olen, cl = 0;
	int c = p < ps->len ? (unsigned char)ps->src[p] : 0;

	*kind = T_VAR;
	switch (c) {
	case '{':
		*kind = T_RAW;
		close[cl++] = '}';
		break;
	case '=':
		*kind = T_DELIM;
		close[cl++] = '=';
		break;
	case '&':
		*kind = T_RAW;
		break;
	case '!':
		*kind = T_COMMENT;
		break;
	case '#':
		*kind = T_SECTION;
		break;
	case '^':
		*kind = T_INVERTED;
		break;
	case '/':
		*kind = T_CLOSE;
		break;
	case '>':
		*kind = T_PARTIAL;
		break;
	case '<':
		*kind = T_PARENT;
		break;
	case '$':
		*kind = T_BLOCK;
		break;
	}
	if (*kind != T_VAR)
		p++;
	memcpy(close + cl, ps->ctag, ps->clen);
	cl += ps->clen;
	if ((*b = find(ps->src, ps->len, p, close, cl)) == NOPOS)
		return perr(ps, ts, "unclosed tag");
	*a = p;
	*te = *b + cl;
	return 0;
}

/* A tag that renders nothing and may stand alone: comment, delimiters. */
static int
tag_silent(struct parser *ps, int kind, size_t text, size_t ts, size_t a,
    size_t b, size_t te)
{
	size_t p = clear_left(ps, ts, text), q = clear_right(ps, te);

	if (kind == T_DELIM && set_delims(ps, a, b, ts) == -1)
		return -1;
	if (p != NOPOS && q != NOPOS) {
		if (emit_text(ps, text, p) == -1)
			return -1;
		ps->pos = q;
		ps->bol = 1;
	} else {
		if (emit_text(ps, text, ts) == -1)
			return -1;
		ps->pos = te;
	}
	return 0;
}

static int
tag_var(struct parser *ps, int kind, size_t text, size_t ts, size_t a,
    size_t b, size_t te)
{
	struct node *n;

	if (emit_text(ps, text, ts) == -1)
		return -1;
	if ((n = new_node(ps, kind == T_RAW ? N_RAW : N_VAR)) == NULL)
		return oom(ps);
	if (set_name(ps, n, a, b, ts, 1) == -1)
		return -1;
	if (ps->bol)
		n->flags |= F_BOL;
	ps->bol = 0;
	append(ps, n);
	ps->pos = te;
	return 0;
}

static int
tag_section(struct parser *ps, int kind, size_t text, size_t ts, size_t a,
    size_t b, size_t te)
{
	size_t p = clear_left(ps, ts, text), q = clear_right(ps, te);
	int alone = p != NOPOS && q != NOPOS;
	struct node *n;

	if (emit_text(ps, text, alone ? p : ts) == -1)
		return -1;
	if ((n = new_node(ps, kind == T_SECTION ? N_SECTION :
	    N_INVERTED)) == NULL)
		return oom(ps);
	if (set_name(ps, n, a, b, ts, 1) == -1)
		return -1;
	if (!alone && ps->bol)
		n->flags |= F_BOL;
	append(ps, n);
	if (push(ps, n, ts, te) == -1)
		return -1;
	top(ps)->alone = alone;
	ps->bol = alone;
	ps->pos = alone ? q : te;
	return 0;
}

static int
tag_partial(struct parser *ps, size_t text, size_t ts, size_t a, size_t b,
    size_t te)
{
	size_t p = clear_left(ps, ts, text), q = clear_right(ps, te);
	struct node *n;
	const char *s;
	size_t len;

	if ((n = new_node(ps, N_PARTIAL)) == NULL)
		return oom(ps);
	if (set_name(ps, n, a, b, ts, 0) == -1)
		return -1;
	if (p != NOPOS && q != NOPOS) {
		if (emit_text(ps, text, p) == -1)
			return -1;
		prefix(ps, p, ts, &s, &len);
		n->flags |= F_STANDALONE;
		n->indent = s;
		n->indentlen = len;
		ps->bol = 1;
		ps->pos = q;
	} else {
		if (emit_text(ps, text, ts) == -1)
			return -1;
		if (ps->bol)
			n->flags |= F_BOL;
		ps->bol = 0;
		ps->pos = te;
	}
	append(ps, n);
	return 0;
}

/*
 * {{<parent}}: whether it stands alone is known only at its closing tag,
 * so the blanks before it stay in the text until then.
 */
static int
tag_parent(struct parser *ps, size_t text, size_t ts, size_t a, size_t b,
    size_t te)
{
	size_t p = clear_left(ps, ts, text);
	struct node *n, *before;
	const char *s;
	size_t len = 0;

	if ((n = new_node(ps, N_PARENT)) == NULL)
		return oom(ps);
	if (set_name(ps, n, a, b, ts, 0) == -1)
		return -1;
	if (emit_text(ps, text, ts) == -1)
		return -1;
	before = top(ps)->last;
	if (p != NOPOS)
		prefix(ps, p, ts, &s, &len);
	if (ps->bol)
		n->flags |= F_BOL;
	append(ps, n);
	if (push(ps, n, ts, te) == -1)
		return -1;
	top(ps)->pfx = p;
	top(ps)->pfxlen = len;
	top(ps)->before = before;
	ps->pos = te;
	return 0;
}

/*
 * {{$block}}: inside a parent it defines an argument, which reads like a
 * template of its own (and may lose the indentation of its first line);
 * elsewhere it is a parameter with default content.
 */
static int
tag_block(struct parser *ps, size_t text, size_t ts, size_t a, size_t b,
    size_t te)
{
	size_t p, q, outer = top(ps)->dedent, w, len = 0;
	struct node *n, *before;
	struct frame *fr;
	const char *s;

	if ((n = new_node(ps, N_BLOCK)) == NULL)
		return oom(ps);
	if (set_name(ps, n, a, b, ts, 0) == -1)
		return -1;

	if (in_parent(ps)) {
		q = clear_right(ps, te);
		append(ps, n);
		if (push(ps, n, ts, te) == -1)
			return -1;
		fr = top(ps);
		fr->def = 1;
		if (q != NOPOS) {
			w = blanks_at(ps, q);
			fr->dedent = w > outer ? w : outer;
			ps->pos = q;
		} else
			ps->pos = te;
		ps->bol = 1;
		return 0;
	}

	p = clear_left(ps, ts, text);
	q = clear_right(ps, te);
	if (p != NOPOS && q != NOPOS) {
		if (emit_text(ps, text, p) == -1)
			return -1;
		/* the indentation of the first line of default content */
		w = blanks_at(ps, q);
		len = w > outer ? w - outer : 0;
		n->flags |= F_STANDALONE;
		n->indent = ps->src + q + w - len;
		n->indentlen = len;
		append(ps, n);
		if (push(ps, n, ts, te) == -1)
			return -1;
		top(ps)->alone = 1;
		ps->bol = 1;
		ps->pos = q;
		return 0;
	}
	if (emit_text(ps, text, ts) == -1)
		return -1;
	before = top(ps)->last;
	if (p != NOPOS)
		prefix(ps, p, ts, &s, &len);
	if (ps->bol)
		n->flags |= F_BOL;
	append(ps, n);
	if (push(ps, n, ts, te) == -1)
		return -1;
	fr = top(ps);
	fr->pfx = p;
	fr->pfxlen = len;
	fr->before = before;
	ps->bol = 0;
	ps->pos = te;
	return 0;
}

static int
tag_close(struct parser *ps, size_t text, size_t ts, size_t a, size_t b,
    size_t te)
{
	struct frame *fr = top(ps), saved;
	struct node *n = fr->node, *mark;
	size_t p, q;

	while (a < b && is_space(ps->src[a]))
		a++;
	while (b > a && is_space(ps->src[b - 1]))
		b--;
	if (n == NULL)
		return perr(ps, ts, "closing tag \"%.*s\" without opening tag",
		    (int)(b - a), ps->src + a);
	if (b - a != n->len || memcmp(ps->src + a, n->str, n->len) != 0)
		return perr(ps, ts, "closing tag \"%.*s\" does not match "
		    "\"%s\" opened on line %u", (int)(b - a), ps->src + a,
		    n->str, line_of(ps->src, fr->open_ts));

	if (n->kind == N_PARENT) {
		saved = *fr;
		ps->sp--;
		q = clear_right(ps, te);
		if (saved.pfx != NOPOS && q != NOPOS) {
			/* the pair stands alone: its blanks are indentation */
			trim_text(saved.before, saved.pfxlen);
			n->flags = F_STANDALONE;
			n->indent = ps->src + saved.open_ts - saved.pfxlen;
			n->indentlen = saved.pfxlen;
			ps->bol = 1;
			ps->pos = q;
		} else {
			ps->bol = 0;
			ps->pos = te;
		}
		return 0;
	}
	if (fr->def) {
		/* the end of an argument is like the end of a file */
		p = clear_left(ps, ts, text);
		if (emit_text(ps, text, p != NOPOS ? p : ts) == -1)
			return -1;
		ps->sp--;
		ps->pos = te;
		return 0;
	}

	p = clear_left(ps, ts, text);
	q = clear_right(ps, te);
	if (p != NOPOS && q != NOPOS) {
		if (emit_text(ps, text, p) == -1)
			return -1;
		ps->sp--;
		ps->bol = 1;
		ps->pos = q;
		return 0;
	}
	if (emit_text(ps, text, ts) == -1)
		return -1;
	if (ps->bol) {
		/* the next line's indentation belongs inside the section */
		if ((mark = new_node(ps, N_TEXT)) == NULL)
			return oom(ps);
		mark->str = "";
		mark->flags = F_BOL;
		append(ps, mark);
	}
	saved = *fr;
	ps->sp--;
	ps->bol = 0;
	ps->pos = te;
	if (n->kind == N_BLOCK && !saved.alone && saved.pfx != NOPOS &&
	    q != NOPOS && memchr(ps->src + saved.open_te, '\n',
	    ts - saved.open_te) == NULL) {
		/* the block pair stands alone on its line */
		trim_text(saved.before, saved.pfxlen);
		n->flags |= F_PAIR | F_BOL;
		n->indent = ps->src + saved.open_ts - saved.pfxlen;
		n->indentlen = saved.pfxlen;
	}
	return 0;
}

/* Copies the indentation strings of the tree into the arena, so that the
 * tree does not point into the source. */
static int
own_indent(struct parser *ps, struct node *n)
{
	char *s;

	for (; n != NULL; n = n->next) {
		if (n->indentlen > 0) {
			if ((s = copy_str(ps, n->indent, n->indentlen)) == NULL)
				return -1;
			n->indent = s;
		} else
			n->indent = "";
		if (own_indent(ps, n->child) == -1)
			return -1;
	}
	return 0;
}

static int
compile(struct parser *ps, struct node **root)
{
	size_t text = 0, ts, a = 0, b = 0, te = 0;
	int kind = T_VAR, rc;

	*root = NULL;
	memset(&ps->st[0], 0, sizeof(ps->st[0]));
	ps->st[0].tail = root;
	ps->st[0].pfx = NOPOS;
	ps->sp = 0;
	ps->bol = 1;
	ps->pos = 0;
	memcpy(ps->otag, "{{", 2);
	memcpy(ps->ctag, "}}", 2);
	ps->olen = ps->clen = 2;

	for (;;) {
		ts = find(ps->src, ps->len, ps->pos, ps->otag, ps->olen);
		if (ts == NOPOS) {
			if (emit_text(ps, text, ps->len) == -1)
				return -1;
			break;
		}
		if (scan_tag(ps, ts, &kind, &a, &b, &te) == -1)
			return -1;
		switch (kind) {
		case T_COMMENT:
		case T_DELIM:
			rc = tag_silent(ps, kind, text, ts, a, b, te);
			break;
		case T_VAR:
		case T_RAW:
			rc = tag_var(ps, kind, text, ts, a, b, te);
			break;
		case T_SECTION:
		case T_INVERTED:
			rc = tag_section(ps, kind, text, ts, a, b, te);
			break;
		case T_PARTIAL:
			rc = tag_partial(ps, text, ts, a, b, te);
			break;
		case T_PARENT:
			rc = tag_parent(ps, text, ts, a, b, te);
			break;
		case T_BLOCK:
			rc = tag_block(ps, text, ts, a, b, te);
			break;
		default:
			rc = tag_close(ps, text, ts, a, b, te);
			break;
		}
		if (rc == -1)
			return -1;
		text = ps->pos;
	}
	if (ps->sp > 0)
		return perr(ps, top(ps)->open_ts, "\"%s\" is never closed",
		    top(ps)->node->str);
	if (own_indent(ps, *root) == -1)
		return oom(ps);
	return 0;
}

/* --- rendering ----------------------------------------------------------- */

struct ctx {
	void			*v;
	const struct ctx	*up;
};

struct ind {
	const char		*s;
	size_t			 n;
	const struct ind	*up;
};

struct ovr {
	const struct node	*parent;	/* its children are the arguments */
	const struct ovr	*up;
};

struct render {
	const char	*name;		/* of the template rendered */
	const mst_set	*set;
	const mst_ops	*ops;
	cz_buf		*out;
	char		*err;
	size_t		 errlen;
	size_t		 steps;
	size_t		 max_steps;
	int		 depth;
	int		 failed;
};

static int rfail(struct render *, const char *, ...)
    __attribute__((format(printf, 2, 3)));
static int render_list(struct render *, const struct node *,
    const struct ctx *, const struct ind *, const struct ovr *);

/* Records the first render error; always returns -1. */
static int
rfail(struct render *r, const char *fmt, ...)
{
	char msg[128];
	va_list ap;

	if (r->failed++ == 0) {
		va_start(ap, fmt);
		vsnprintf(msg, sizeof(msg), fmt, ap);
		va_end(ap);
		seterr(r->err, r->errlen, "%s: %s", r->name, msg);
	}
	return -1;
}

static int
put(struct render *r, const char *s, size_t n)
{
	if (n == 0 || cz_buf_append(r->out, s, n) == 0)
		return 0;
	if (r->out->max != 0 && (n > r->out->max ||
	    r->out->len > r->out->max - n))
		return rfail(r, "output over %zu bytes", r->out->max);
	return rfail(r, "out of memory");
}

static int
put_escaped(struct render *r, const char *s, size_t n)
{
	static const struct {
		const char	*s;
		size_t		 n;
	} esc[256] = {
		['&'] = { "&amp;", 5 },
		['<'] = { "&lt;", 4 },
		['>'] = { "&gt;", 4 },
		['"'] = { "&quot;", 6 },
		['\''] = { "&#39;", 5 },
	};
	size_t i, start;
	unsigned char c;

	for (i = start = 0; i < n; i++) {
		c = (unsigned char)s[i];
		if (esc[c].s == NULL)
			continue;
		if (put(r, s + start, i - start) == -1 ||
		    put(r, esc[c].s, esc[c].n) == -1)
			return -1;
		start = i + 1;
	}
	return put(r, s + start, n - start);
}

static int
put_indent(struct render *r, const struct ind *ind)
{
	if (ind == NULL)
		return 0;
	if (put_indent(r, ind->up) == -1)
		return -1;
	return put(r, ind->s, ind->n);
}

/* Text with the indentation after each of its inner newlines. */
static int
put_text(struct render *r, const struct node *n, const struct ind *ind)
{
	const char *s = n->str, *end = n->str + n->len, *nl;

	if (ind == NULL || !(n->flags & F_MIDNL))
		return put(r, n->str, n->len);
	while ((nl = memchr(s, '\n', (size_t)(end - s))) != NULL &&
	    nl + 1 < end) {
		if (put(r, s, (size_t)(nl + 1 - s)) == -1 ||
		    put_indent(r, ind) == -1)
			return -1;
		s = nl + 1;
	}
	return put(r, s, (size_t)(end - s));
}

/* Finds the value of n's name; returns 0 when it is missing. */
static int
resolve(const struct render *r, const struct node *n, const struct ctx *ctx,
    void **val)
{
	const struct ctx *c;
	void *v = NULL;
	size_t i;

	if (n->nparts == 0) {
		*val = ctx->v;
		return 1;
	}
	for (c = ctx; c != NULL; c = c->up)
		if (r->ops->lookup(c->v, n->parts[0].s, n->parts[0].n, &v))
			break;
	if (c == NULL)
		return 0;
	for (i = 1; i < n->nparts; i++)
		if (!r->ops->lookup(v, n->parts[i].s, n->parts[i].n, &v))
			return 0;
	*val = v;
	return 1;
}

static const struct tmpl *
find_tmpl(const mst_set *set, const char *name, size_t len, uint32_t h)
{
	const struct tmpl *t;

	for (t = set->tab[h & (set->size - 1)]; t != NULL; t = t->next)
		if (t->hash == h && t->namelen == len &&
		    memcmp(t->name, name, len) == 0)
			return t;
	return NULL;
}

/* The argument for block n: the outermost parent that passes one wins. */
static const struct node *
find_override(const struct ovr *ovr, const struct node *n)
{
	const struct node *found = NULL, *c;

	for (; ovr != NULL; ovr = ovr->up)
		for (c = ovr->parent->child; c != NULL; c = c->next)
			if (c->len == n->len &&
			    memcmp(c->str, n->str, n->len) == 0) {
				found = c;
				break;
			}
	return found;
}

static int
render_var(struct render *r, const struct node *n, const struct ctx *ctx)
{
	char scratch[MST_SCRATCH];
	const char *s = "";
	size_t len = 0;
	void *v;

	if (!resolve(r, n, ctx, &v))
		return 0;
	r->ops->string(v, scratch, &s, &len);
	if (n->kind == N_VAR)
		return put_escaped(r, s, len);
	return put(r, s, len);
}

static int
render_section(struct render *r, const struct node *n, const struct ctx *ctx,
    const struct ind *ind, const struct ovr *ovr)
{
	struct ctx c;
	size_t i, len;
	void *v;

	if (!resolve(r, n, ctx, &v))
		return 0;
	c.up = ctx;
	if (r->ops->kind(v) == MST_LIST) {
		len = r->ops->list_len(v);
		for (i = 0; i < len; i++) {
			c.v = r->ops->list_at(v, i);
			if (render_list(r, n->child, &c, ind, ovr) == -1)
				return -1;
		}
		return 0;
	}
	if (!r->ops->truthy(v))
		return 0;
	c.v = v;
	return render_list(r, n->child, &c, ind, ovr);
}

static int
render_inverted(struct render *r, const struct node *n, const struct ctx *ctx,
    const struct ind *ind, const struct ovr *ovr)
{
	void *v;

	if (resolve(r, n, ctx, &v)) {
		if (r->ops->kind(v) == MST_LIST) {
			if (r->ops->list_len(v) > 0)
				return 0;
		} else if (r->ops->truthy(v))
			return 0;
	}
	return render_list(r, n->child, ctx, ind, ovr);
}

static int
render_block(struct render *r, const struct node *n, const struct ctx *ctx,
    const struct ind *ind, const struct ovr *ovr)
{
	const struct node *arg = find_override(ovr, n);
	const struct ind *use = ind;
	struct ind more;

	if (arg == NULL) {
		if ((n->flags & F_BOL) && put_indent(r, ind) == -1)
			return -1;
		if ((n->flags & F_PAIR) && put(r, n->indent, n->indentlen) == -1)
			return -1;
		return render_list(r, n->child, ctx, ind, ovr);
	}
	if (n->flags & (F_STANDALONE | F_PAIR)) {
		if (n->indentlen > 0) {
			more.s = n->indent;
			more.n = n->indentlen;
			more.up = ind;
			use = &more;
		}
	} else {
		if ((n->flags & F_BOL) && put_indent(r, ind) == -1)
			return -1;
		use = NULL;
	}
	return render_list(r, arg->child, ctx, use, ovr);
}

/* Partials and parents: another template of the set, here. */
static int
render_include(struct render *r, const struct node *n, const struct ctx *ctx,
    const struct ind *ind, const struct ovr *ovr)
{
	const struct tmpl *t;
	const struct ind *use = NULL;
	struct ind more;
	struct ovr o;

	if ((t = find_tmpl(r->set, n->str, n->len, n->hash)) == NULL)
		return 0;
	if (n->flags & F_STANDALONE) {
		use = ind;
		if (n->indentlen > 0) {
			more.s = n->indent;
			more.n = n->indentlen;
			more.up = ind;
			use = &more;
		}
	}
	if (n->kind == N_PARENT) {
		o.parent = n;
		o.up = ovr;
		ovr = &o;
	}
	return render_list(r, t->root, ctx, use, ovr);
}

static int
render_list(struct render *r, const struct node *n, const struct ctx *ctx,
    const struct ind *ind, const struct ovr *ovr)
{
	int rc = 0;

	if (++r->depth > MST_MAX_DEPTH) {
		r->depth--;
		return rfail(r, "nesting depth over %d (recursive partial?)",
		    MST_MAX_DEPTH);
	}
	for (; n != NULL && rc == 0; n = n->next) {
		if (++r->steps > r->max_steps) {
			rc = rfail(r, "render took more than %zu steps",
			    r->max_steps);
			break;
		}
		if ((n->flags & F_BOL) && n->kind != N_BLOCK && ind != NULL &&
		    put_indent(r, ind) == -1) {
			rc = -1;
			break;
		}
		switch (n->kind) {
		case N_TEXT:
			rc = put_text(r, n, ind);
			break;
		case N_VAR:
		case N_RAW:
			rc = render_var(r, n, ctx);
			break;
		case N_SECTION:
			rc = render_section(r, n, ctx, ind, ovr);
			break;
		case N_INVERTED:
			rc = render_inverted(r, n, ctx, ind, ovr);
			break;
		case N_BLOCK:
			rc = render_block(r, n, ctx, ind, ovr);
			break;
		default:
			rc = render_include(r, n, ctx, ind, ovr);
			break;
		}
	}
	r->depth--;
	return rc;
}

/* --- sets ---------------------------------------------------------------- */

static void
tmpl_free(struct tmpl *t)
{
	if (t != NULL)
		cz_arena_free(t->arena);	/* t lives in its arena */
}

static int
set_grow(mst_set *set)
{
	struct tmpl **tab, *t, *next;
	size_t size = set->size * 2, i;

	if ((tab = calloc(size, sizeof(*tab))) == NULL)
		return -1;
	for (i = 0; i < set->size; i++)
		for (t = set->tab[i]; t != NULL; t = next) {
			next = t->next;
			t->next = tab[t->hash & (size - 1)];
			tab[t->hash & (size - 1)] = t;
		}
	free(set->tab);
	set->tab = tab;
	set->size = size;
	return 0;
}

/* Compiles and stores a template; what names it in messages. */
static int
set_add(mst_set *set, const char *name, const char *what, const char *src,
    size_t len, char *err, size_t errlen)
{
	struct parser *ps = NULL;
	struct tmpl *t = NULL, **pp;
	size_t namelen;
	cz_arena *arena;

	if (set == NULL || name == NULL || (src == NULL && len > 0)) {
		seterr(err, errlen, "%s: bad arguments", what);
		return -1;
	}
	if (len > MST_MAX_SIZE) {
		seterr(err, errlen, "%s: template of %zu bytes, over the "
		    "limit of %d", what, len, MST_MAX_SIZE);
		return -1;
	}
	namelen = strlen(name);
	if ((arena = cz_arena_new(len + 2048)) == NULL ||
	    (t = cz_arena_calloc(arena, 1, sizeof(*t))) == NULL ||
	    (t->name = cz_arena_strndup(arena, name, namelen)) == NULL ||
	    (ps = calloc(1, sizeof(*ps))) == NULL) {
		cz_arena_free(arena);
		seterr(err, errlen, "%s: out of memory", what);
		return -1;
	}
	t->arena = arena;
	t->namelen = namelen;
	t->hash = name_hash(name, namelen);
	ps->src = src != NULL ? src : "";
	ps->len = len;
	ps->arena = arena;
	ps->what = what;
	ps->err = err;
	ps->errlen = errlen;
	if (compile(ps, &t->root) == -1) {
		free(ps);
		cz_arena_free(arena);
		return -1;
	}
	free(ps);

	if (set->count >= set->size && set_grow(set) == -1) {
		cz_arena_free(arena);
		seterr(err, errlen, "%s: out of memory", what);
		return -1;
	}
	for (pp = &set->tab[t->hash & (set->size - 1)]; *pp != NULL;
	    pp = &(*pp)->next)
		if ((*pp)->hash == t->hash && (*pp)->namelen == namelen &&
		    memcmp((*pp)->name, name, namelen) == 0) {
			t->next = (*pp)->next;
			tmpl_free(*pp);
			*pp = t;
			return 0;
		}
	*pp = t;
	set->count++;
	return 0;
}

static char *
read_file(const char *path, size_t *lenp, char *err, size_t errlen)
{
	char *buf = NULL;
	size_t len = 0, n;
	FILE *fp;

	if ((fp = fopen(path, "rb")) == NULL) {
		seterr(err, errlen, "%s: %s", path, strerror(errno));
		return NULL;
	}
	if ((buf = malloc(MST_MAX_SIZE + 1)) == NULL) {
		seterr(err, errlen, "%s: out of memory", path);
		fclose(fp);
		return NULL;
	}
	while ((n = fread(buf + len, 1, MST_MAX_SIZE + 1 - len, fp)) > 0)
		if ((len += n) > MST_MAX_SIZE)
			break;
	if (ferror(fp) || len > MST_MAX_SIZE) {
		if (len > MST_MAX_SIZE)
			seterr(err, errlen, "%s: over %d bytes", path,
			    MST_MAX_SIZE);
		else
			seterr(err, errlen, "%s: read error", path);
		free(buf);
		fclose(fp);
		return NULL;
	}
	fclose(fp);
	*lenp = len;
	return buf;
}

static int
has_suffix(const char *s, const char *suffix)
{
	size_t n = strlen(s), m = strlen(suffix);

	return n > m && strcmp(s + n - m, suffix) == 0;
}

/*
 * Loads the templates under path (plen bytes, in a PATH_MAX buffer); the
 * name of a template starts at path + rootlen + 1.
 */
static int
load_tree(mst_set *set, char *path, size_t plen, size_t rootlen, int level,
    char *err, size_t errlen)
{
	static const char ext[] = ".mustache";
	struct dirent *de;
	struct stat sb;
	size_t nlen, len;
	int count = 0, n;
	char *src, *name;
	DIR *dir;

	if (level > MAX_DIR_LEVELS) {
		seterr(err, errlen, "%s: directories nested deeper than %d",
		    path, MAX_DIR_LEVELS);
		return -1;
	}
	if ((dir = opendir(path)) == NULL) {
		seterr(err, errlen, "%s: %s", path, strerror(errno));
		return -1;
	}
	while ((de = readdir(dir)) != NULL) {
		if (de->d_name[0] == '.')
			continue;
		nlen = strlen(de->d_name);
		if (plen + 1 + nlen >= PATH_MAX) {
			seterr(err, errlen, "%s/%s: path too long", path,
			    de->d_name);
			goto fail;
		}
		path[plen] = '/';
		memcpy(path + plen + 1, de->d_name, nlen + 1);
		if (lstat(path, &sb) == -1) {
			seterr(err, errlen, "%s: %s", path, strerror(errno));
			goto fail;
		}
		if (S_ISDIR(sb.st_mode)) {
			n = load_tree(set, path, plen + 1 + nlen, rootlen,
			    level + 1, err, errlen);
			if (n == -1)
				goto fail;
			count += n;
		} else if (has_suffix(de->d_name, ext) &&
		    stat(path, &sb) == 0 && S_ISREG(sb.st_mode)) {
			if ((src = read_file(path, &len, err, errlen)) == NULL)
				goto fail;
			nlen = plen + 1 + nlen - rootlen - 1 - (sizeof(ext) - 1);
			if ((name = malloc(nlen + 1)) == NULL) {
				free(src);
				seterr(err, errlen, "%s: out of memory", path);
				goto fail;
			}
			memcpy(name, path + rootlen + 1, nlen);
			name[nlen] = '\0';
			n = set_add(set, name, path, src, len, err, errlen);
			free(name);
			free(src);
			if (n == -1)
				goto fail;
			count++;
		}
		path[plen] = '\0';
	}
	closedir(dir);
	return count;
fail:
	closedir(dir);
	return -1;
}

static int
walk_refs(const struct node *n, int (*fn)(const char *, void *), void *arg)
{
	int rc;

	for (; n != NULL; n = n->next) {
		if ((n->kind == N_PARTIAL || n->kind == N_PARENT) &&
		    (rc = fn(n->str, arg)) != 0)
			return rc;
		if ((rc = walk_refs(n->child, fn, arg)) != 0)
			return rc;
	}
	return 0;
}

/* --- public functions ---------------------------------------------------- */

/* Returns an empty set, or NULL when out of memory. */
mst_set *
mst_set_new(void)
{
	mst_set *set;

	if ((set = calloc(1, sizeof(*set))) == NULL)
		return NULL;
	set->size = 16;
	if ((set->tab = calloc(set->size, sizeof(*set->tab))) == NULL) {
		free(set);
		return NULL;
	}
	set->max_steps = MST_MAX_STEPS;
	return set;
}

/* Frees the set and its templates; NULL is accepted. */
void
mst_set_free(mst_set *set)
{
	struct tmpl *t, *next;
	size_t i;

	if (set == NULL)
		return;
	for (i = 0; i < set->size; i++)
		for (t = set->tab[i]; t != NULL; t = next) {
			next = t->next;
			tmpl_free(t);
		}
	free(set->tab);
	free(set);
}

/* Compiles src under name, replacing an older one. 0, or -1 and err. */
int
mst_set_add(mst_set *set, const char *name, const char *src, size_t len,
    char *err, size_t errlen)
{
	return set_add(set, name, name != NULL ? name : "(null)", src, len,
	    err, errlen);
}

/* Loads dir/ ** / *.mustache; returns the count, or -1 and err. */
int
mst_set_load_dir(mst_set *set, const char *dir, char *err, size_t errlen)
{
	char path[PATH_MAX];
	size_t len;

	if (set == NULL || dir == NULL) {
		seterr(err, errlen, "mst_set_load_dir: bad arguments");
		return -1;
	}
	len = strlen(dir);
	while (len > 1 && dir[len - 1] == '/')
		len--;
	if (len == 0 || len >= sizeof(path)) {
		seterr(err, errlen, "%s: bad directory name", dir);
		return -1;
	}
	memcpy(path, dir, len);
	path[len] = '\0';
	return load_tree(set, path, len, len, 0, err, errlen);
}

/* 1 when the set holds a template called name, else 0. */
int
mst_set_has(const mst_set *set, const char *name)
{
	size_t len;

	if (set == NULL || name == NULL)
		return 0;
	len = strlen(name);
	return find_tmpl(set, name, len, name_hash(name, len)) != NULL;
}

/* Bounds the nodes one render may visit (0: the default). */
void
mst_set_max_steps(mst_set *set, size_t steps)
{
	set->max_steps = steps != 0 ? steps : MST_MAX_STEPS;
}

/* Calls fn for each partial and parent name template name uses. */
int
mst_set_refs(const mst_set *set, const char *name,
    int (*fn)(const char *ref, void *arg), void *arg)
{
	const struct tmpl *t;
	size_t len;

	if (set == NULL || name == NULL)
		return -1;
	len = strlen(name);
	if ((t = find_tmpl(set, name, len, name_hash(name, len))) == NULL)
		return -1;
	return walk_refs(t->root, fn, arg);
}

/* Renders template name against data through ops into out. 0, or -1. */
int
mst_render(const mst_set *set, const char *name, const mst_ops *ops,
    void *data, cz_buf *out, char *err, size_t errlen)
{
	const struct tmpl *t;
	struct render r;
	struct ctx root;
	size_t len;

	if (set == NULL || name == NULL || ops == NULL || out == NULL) {
		seterr(err, errlen, "mst_render: bad arguments");
		return -1;
	}
	len = strlen(name);
	if ((t = find_tmpl(set, name, len, name_hash(name, len))) == NULL) {
		seterr(err, errlen, "unknown template \"%s\"", name);
		return -1;
	}
	memset(&r, 0, sizeof(r));
	r.name = name;
	r.set = set;
	r.ops = ops;
	r.out = out;
	r.err = err;
	r.errlen = errlen;
	r.max_steps = set->max_steps;
	r.depth = -1;		/* the template itself is depth 0 */
	root.v = data;
	root.up = NULL;
	return render_list(&r, t->root, &root, NULL, NULL);
}
