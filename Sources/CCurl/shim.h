#ifndef TAITOTUTKA_CCURL_SHIM_H
#define TAITOTUTKA_CCURL_SHIM_H
/* libcurl (Debian's libcurl4-openssl-dev): the SMTP client of the mail room (App/Mail/SMTPClient)
   and the single sign-on's back channel to the identity provider (App/SingleSignOn/OIDCBackChannel).
   curl_easy_setopt and curl_easy_getinfo are variadic, which Swift cannot call: these typed
   wrappers are. Nothing else of libcurl is wrapped. */
#include <curl/curl.h>

/// The callback libcurl calls for the message's bytes (CURLOPT_READFUNCTION).
typedef size_t (*tt_curl_read_callback)(char *buffer, size_t size, size_t count, void *context);

/// The callback libcurl calls with the response's bytes (CURLOPT_WRITEFUNCTION).
typedef size_t (*tt_curl_write_callback)(char *data, size_t size, size_t count, void *context);

static inline CURLcode tt_curl_set_write_callback(CURL *handle, tt_curl_write_callback callback) {
    return curl_easy_setopt(handle, CURLOPT_WRITEFUNCTION, callback);
}

static inline CURLcode tt_curl_set_long(CURL *handle, CURLoption option, long value) {
    return curl_easy_setopt(handle, option, value);
}

static inline CURLcode tt_curl_set_string(CURL *handle, CURLoption option, const char *value) {
    return curl_easy_setopt(handle, option, value);
}

static inline CURLcode tt_curl_set_pointer(CURL *handle, CURLoption option, void *value) {
    return curl_easy_setopt(handle, option, value);
}

static inline CURLcode tt_curl_set_list(CURL *handle, CURLoption option, struct curl_slist *list) {
    return curl_easy_setopt(handle, option, list);
}

static inline CURLcode tt_curl_set_read_callback(CURL *handle, tt_curl_read_callback callback) {
    return curl_easy_setopt(handle, CURLOPT_READFUNCTION, callback);
}

static inline long tt_curl_response_code(CURL *handle) {
    long code = 0;
    if (curl_easy_getinfo(handle, CURLINFO_RESPONSE_CODE, &code) != CURLE_OK) return 0;
    return code;
}

/// curl_global_init(CURL_GLOBAL_ALL): the macro is an expression Swift does not import.
static inline CURLcode tt_curl_global_init(void) {
    return curl_global_init(CURL_GLOBAL_ALL);
}

/// CURL_ERROR_SIZE, the size of the buffer CURLOPT_ERRORBUFFER writes into.
static inline size_t tt_curl_error_size(void) {
    return CURL_ERROR_SIZE;
}

/// CURL_READFUNC_ABORT, returned from the read callback to stop the transfer.
static inline size_t tt_curl_read_abort(void) {
    return CURL_READFUNC_ABORT;
}
#endif
