"""A real OpenID Connect provider for the single sign-on tests: discovery, JWKS, authorize (which
signs in the person the test chose, without asking) and token endpoints, on a loopback port, with
ID tokens signed by Authlib's JOSE. A test can make it misbehave: a wrong audience, an expired token,
a bad signature, a wrong nonce, a token without multi-factor `amr`, a rotated signing key; and it can
sign with its P-256 key (ES256) instead of its RSA key (RS256).

Authorisation codes are single-use, bound to the client, the redirect URI and the PKCE challenge
(S256 only), and the token endpoint takes client_secret_basic, as a real provider would."""
import base64
import hashlib
import json
import secrets
import threading
import time
import urllib.parse
import warnings
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

with warnings.catch_warnings():
    # Authlib 1.x says its jose module will move to joserfc in 2.0; it is what 1.9 ships.
    warnings.simplefilter("ignore")
    from authlib.jose import JsonWebKey, jwt

CLIENT_ID = "taitotutka-e2e"
CLIENT_SECRET = "e2e-" + secrets.token_urlsafe(24)


class Provider:
    """The provider's state; `person` and `misbehaviour` are what the next sign-in gets."""

    def __init__(self):
        self.keys = [self._new_key()]
        self.ec_key = JsonWebKey.generate_key("EC", "P-256", is_private=True, options={"kid": "ec-" + secrets.token_hex(4)})
        self.person = {}
        self.misbehaviour = None
        self.codes = {}
        self.token_requests = 0
        self.lock = threading.Lock()
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self.issuer = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def start(self):
        self.thread.start()
        return self

    def stop(self):
        self.server.shutdown()
        self.server.server_close()

    @staticmethod
    def _new_key():
        return JsonWebKey.generate_key("RSA", 2048, is_private=True, options={"kid": "k-" + secrets.token_hex(4)})

    def rotate_key(self):
        """A new signing key with a new kid; the set publishes only the new one."""
        with self.lock:
            self.keys = [self._new_key()]
        return self.keys[0].as_dict()["kid"]

    def sign_in_as(self, misbehaviour=None, **claims):
        """The person the next authorize request signs in, and how the provider misbehaves then."""
        with self.lock:
            self.person = dict(claims)
            self.misbehaviour = misbehaviour

    # Tokens ----------------------------------------------------------------------------------------

    def id_token(self, nonce):
        now = int(time.time())
        claims = {"iss": self.issuer, "sub": "sub-" + self.person.get("email", "x"), "aud": CLIENT_ID,
                  "iat": now, "exp": now + 300, "nonce": nonce, "amr": ["pwd", "mfa"]}
        claims.update(self.person)
        key = self.keys[0]
        if self.misbehaviour == "wrong_audience":
            claims["aud"] = "someone-else"
        elif self.misbehaviour == "expired":
            claims["iat"], claims["exp"] = now - 900, now - 600
        elif self.misbehaviour == "wrong_nonce":
            claims["nonce"] = "not-the-nonce"
        elif self.misbehaviour == "bad_signature":
            # Signed with another key under the published key's kid.
            key = JsonWebKey.import_key(self._new_key().as_dict(is_private=True) | {"kid": key.as_dict()["kid"]})
        algorithm = "RS256"
        if self.misbehaviour == "es256":
            key, algorithm = self.ec_key, "ES256"
        header = {"alg": algorithm, "kid": key.as_dict()["kid"]}
        return jwt.encode(header, claims, key).decode()

    # HTTP ------------------------------------------------------------------------------------------

    def _handler(self):
        provider = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *arguments):
                pass

            def _json(self, status, body):
                data = json.dumps(body).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def do_GET(self):
                url = urllib.parse.urlsplit(self.path)
                if url.path == "/.well-known/openid-configuration":
                    return self._json(200, {
                        "issuer": provider.issuer, "authorization_endpoint": provider.issuer + "/authorize",
                        "token_endpoint": provider.issuer + "/token", "jwks_uri": provider.issuer + "/jwks",
                        "response_types_supported": ["code"], "subject_types_supported": ["public"],
                        "id_token_signing_alg_values_supported": ["RS256", "ES256"],
                        "code_challenge_methods_supported": ["S256"],
                        "token_endpoint_auth_methods_supported": ["client_secret_basic"]})
                if url.path == "/jwks":
                    with provider.lock:
                        keys = [key.as_dict() | {"use": "sig", "alg": "RS256"} for key in provider.keys]
                        keys.append(provider.ec_key.as_dict() | {"use": "sig", "alg": "ES256"})
                        return self._json(200, {"keys": keys})
                if url.path == "/authorize":
                    return self._authorize(dict(urllib.parse.parse_qsl(url.query)))
                self._json(404, {"error": "not_found"})

            def _authorize(self, query):
                required = ("response_type", "client_id", "redirect_uri", "state", "nonce", "code_challenge",
                            "code_challenge_method")
                if any(not query.get(name) for name in required) or query["response_type"] != "code" \
                        or query["client_id"] != CLIENT_ID or query["code_challenge_method"] != "S256" \
                        or "openid" not in query.get("scope", "").split():
                    return self._json(400, {"error": "invalid_request"})
                code = secrets.token_urlsafe(24)
                with provider.lock:
                    provider.codes[code] = {"redirect_uri": query["redirect_uri"], "challenge": query["code_challenge"],
                                            "token": provider.id_token(query["nonce"])}
                target = query["redirect_uri"] + "?" + urllib.parse.urlencode({"code": code, "state": query["state"]})
                self.send_response(302)
                self.send_header("Location", target)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def do_POST(self):
                if urllib.parse.urlsplit(self.path).path != "/token":
                    return self._json(404, {"error": "not_found"})
                length = int(self.headers.get("Content-Length") or 0)
                form = dict(urllib.parse.parse_qsl(self.rfile.read(length).decode()))
                expected = "Basic " + base64.b64encode(f"{CLIENT_ID}:{CLIENT_SECRET}".encode()).decode()
                if self.headers.get("Authorization") != expected:
                    return self._json(401, {"error": "invalid_client"})
                with provider.lock:
                    provider.token_requests += 1
                    grant = provider.codes.pop(form.get("code", ""), None)
                verifier = form.get("code_verifier", "")
                challenge = base64.urlsafe_b64encode(hashlib.sha256(verifier.encode()).digest()).rstrip(b"=").decode()
                if form.get("grant_type") != "authorization_code" or grant is None \
                        or grant["redirect_uri"] != form.get("redirect_uri") or grant["challenge"] != challenge:
                    return self._json(400, {"error": "invalid_grant"})
                self._json(200, {"access_token": secrets.token_urlsafe(16), "token_type": "Bearer",
                                 "expires_in": 300, "id_token": grant["token"]})

        return Handler
