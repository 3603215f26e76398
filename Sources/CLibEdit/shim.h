#ifndef CLIBEDIT_SHIM_H
#define CLIBEDIT_SHIM_H
#include <stdio.h>
#include <locale.h>
#include <langinfo.h>
#include <wchar.h>
#include <histedit.h>

/*
 * Swift cannot call C variadic functions (el_set, el_get, history), so every call the REPL makes
 * goes through one static inline wrapper below. Glibc's stdin/stdout/stderr globals are wrapped too,
 * because Swift 6 rejects them as not concurrency-safe.
 */

/* MARK: editor */

static inline EditLine *clibedit_init(const char *prog) { return el_init(prog, stdin, stdout, stderr); }
static inline int clibedit_set_prompt(EditLine *el, char *(*f)(EditLine *)) { return el_set(el, EL_PROMPT, f); }
static inline int clibedit_set_rprompt(EditLine *el, char *(*f)(EditLine *)) { return el_set(el, EL_RPROMPT, f); }
static inline int clibedit_set_editor(EditLine *el, const char *mode) { return el_set(el, EL_EDITOR, mode); }
static inline int clibedit_set_signal(EditLine *el, int on) { return el_set(el, EL_SIGNAL, on); }
static inline int clibedit_set_clientdata(EditLine *el, void *p) { return el_set(el, EL_CLIENTDATA, p); }
static inline void *clibedit_get_clientdata(EditLine *el) {
    void *p = NULL;
    el_get(el, EL_CLIENTDATA, &p);
    return p;
}
static inline int clibedit_addfn(EditLine *el, const char *name, const char *help,
                                 unsigned char (*fn)(EditLine *, int)) {
    return el_set(el, EL_ADDFN, name, help, fn);
}
static inline int clibedit_bind(EditLine *el, const char *key, const char *fn) { return el_set(el, EL_BIND, key, fn, NULL); }
static inline int clibedit_setty(EditLine *el, const char *a, const char *b) { return el_set(el, EL_SETTY, a, b, NULL); }
static inline int clibedit_prep_term(EditLine *el, int on) { return el_set(el, EL_PREP_TERM, on); }
static inline int clibedit_refresh(EditLine *el) { return el_set(el, EL_REFRESH); }
static inline int clibedit_set_hist(EditLine *el, History *h) { return el_set(el, EL_HIST, history, h); }
static inline int clibedit_get_editmode(EditLine *el) {
    int on = 0;
    el_get(el, EL_EDITMODE, &on);
    return on;
}

/* MARK: stdio */

static inline FILE *clibedit_stdout(void) { return stdout; }
static inline FILE *clibedit_stderr(void) { return stderr; }
static inline int clibedit_flush_stdout(void) { return fflush(stdout); }

/* MARK: history (narrow API; HistEvent lives on the wrapper's stack) */

static inline int clibedit_hist_setsize(History *h, int n) { HistEvent ev; return history(h, &ev, H_SETSIZE, n); }
static inline int clibedit_hist_getsize(History *h) {
    HistEvent ev;
    if (history(h, &ev, H_GETSIZE) == -1) return -1;
    return ev.num;
}
static inline int clibedit_hist_setunique(History *h, int on) { HistEvent ev; return history(h, &ev, H_SETUNIQUE, on); }
static inline int clibedit_hist_enter(History *h, const char *line) { HistEvent ev; return history(h, &ev, H_ENTER, line); }
static inline int clibedit_hist_load(History *h, const char *path) { HistEvent ev; return history(h, &ev, H_LOAD, path); }
static inline int clibedit_hist_save(History *h, const char *path) { HistEvent ev; return history(h, &ev, H_SAVE, path); }
static inline int clibedit_hist_clear(History *h) { HistEvent ev; return history(h, &ev, H_CLEAR); }
/* Oldest entry; NULL when the history is empty. */
static inline const char *clibedit_hist_last(History *h) {
    HistEvent ev;
    if (history(h, &ev, H_LAST) == -1) return NULL;
    return ev.str;
}
/* The entry after the current one, towards the newest; NULL at the end. */
static inline const char *clibedit_hist_prev(History *h) {
    HistEvent ev;
    if (history(h, &ev, H_PREV) == -1) return NULL;
    return ev.str;
}

#endif
