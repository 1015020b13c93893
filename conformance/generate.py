#!/usr/bin/env python3
"""Regenerates definitions.json and cases.json (python3 stdlib only).

Every expected answer below is derived from docs/protocol.md (the protocol, sections 1-4),
not from the implementation. Salts are fixed so the output is reproducible.

    python3 conformance/generate.py        # writes next to this file
"""
import base64
import hashlib
import json
import os
import sys
from urllib.parse import quote

HERE = os.path.dirname(os.path.abspath(__file__))

ALGS = {
    "rabbit_password_hashing_sha256": hashlib.sha256,
    "rabbit_password_hashing_sha512": hashlib.sha512,
    "rabbit_password_hashing_md5": hashlib.md5,
    None: hashlib.sha256,  # hashing_algorithm omitted => sha256
}


def rabbit_hash(password, salt_hex, alg):
    salt = bytes.fromhex(salt_hex)
    return base64.b64encode(salt + ALGS[alg](salt + password.encode("utf-8")).digest()).decode("ascii")


# Sanity check against the example of docs/protocol.md section 4.
assert rabbit_hash("test12", "908dc60a", "rabbit_password_hashing_sha256") == \
    "kI3GCqW5JLMJa4iX1lo7X4D6XbYqlLgxIs30+P6tENUV2POR"

SHA256, SHA512, MD5 = ("rabbit_password_hashing_sha256", "rabbit_password_hashing_sha512",
                       "rabbit_password_hashing_md5")

# name, password (None => empty password_hash), salt, algorithm (None => omitted), tags, extra fields
USERS = [
    ("alice", "alice-secret", "0a1b2c3d", SHA256, ["administrator", "monitoring"], {}),
    ("bob", "b0b pass+&%", "11223344", SHA512, "management,policymaker", {}),
    ("josé", "contraseña", "deadbeef", MD5, [], {}),
    ("用户", "密码🔑", "cafebabe", None, ["monitoring"], {}),
    ("carol smith+&%", "carol pw", "00000001", SHA256, ["management"], {}),
    ("example", "test12", "908dc60a", SHA256, "management", {}),
    ("Dave", "upper-pw", "0badf00d", SHA256, ["monitoring"], {}),
    ("dave", "lower-pw", "f00dbabe", SHA512, ["management"], {}),
    ("nohash", None, None, SHA256, ["management"], {}),
    ("certuser", None, None, SHA256, ["monitoring", "management"], {"warren_certificate_login": True}),
    ("disabled", "disabled-pw", "12345678", SHA256, ["administrator"], {"warren_disabled": True}),
    ("emptypw", "", "87654321", SHA256, ["management"], {}),
    ("regexuser", "regex-pw", "a5a5a5a5", SHA512, "", {}),
    ("topicuser", "topic-pw", "5a5a5a5a", MD5, "custom_tag,management", {}),
]
PASSWORDS = {u[0]: u[1] for u in USERS}

VHOSTS = ["/", "dev space", "qa", "生产"]

# user, vhost, configure, write, read
PERMISSIONS = [
    ("alice", "/", ".*", ".*", ".*"),
    ("alice", "dev space", "", "", ""),
    ("bob", "/", "^app\\.", "^app\\.|amq\\.default", "foo"),
    ("josé", "生产", "^队列\\.", ".*", ""),
    ("用户", "生产", ".*", ".*", ".*"),
    ("carol smith+&%", "dev space", ".*", "", ".*"),
    ("example", "/", ".*", ".*", ".*"),
    ("nohash", "/", ".*", ".*", ".*"),
    ("certuser", "/", ".*", ".*", ".*"),
    ("regexuser", "qa", "[", "^(.*a){12}$", "^ctl$|^a.b$"),
    ("topicuser", "/", ".*", ".*", ".*"),
    ("topicuser", "qa", ".*", ".*", ".*"),
]

# user, vhost, exchange, write, read
TOPIC_PERMISSIONS = [
    ("topicuser", "/", "amq.topic", "^{username}\\.", "^(public|{username})\\."),
    ("topicuser", "qa", "amq.topic", "^{vhost}\\.", ".*"),
    ("topicuser", "/", "mqtt.ex", "^devices/{client_id}/", "^devices/{client_id}/|^broadcast/"),
    ("topicuser", "/", "locked.ex", "", ".*"),
    ("josé", "生产", "amq.topic", "^{username}/", "^{vhost}/"),
]


def definitions():
    users = []
    for name, pw, salt, alg, tags, extra in USERS:
        u = {"name": name, "password_hash": "" if pw is None else rabbit_hash(pw, salt, alg)}
        if alg is not None:
            u["hashing_algorithm"] = alg
        u["tags"] = tags
        u["limits"] = {}
        u.update(extra)
        users.append(u)
    return {
        "rabbit_version": "3.13.7",
        "rabbitmq_version": "3.13.7",
        "product_name": "RabbitMQ",
        "product_version": "3.13.7",
        "users": users,
        "vhosts": [{"name": v, "description": "", "tags": [], "metadata": {"description": "", "tags": []}}
                   for v in VHOSTS],
        "permissions": [{"user": u, "vhost": v, "configure": c, "write": w, "read": r}
                        for u, v, c, w, r in PERMISSIONS],
        "topic_permissions": [{"user": u, "vhost": v, "exchange": e, "write": w, "read": r}
                              for u, v, e, w, r in TOPIC_PERMISSIONS],
        "parameters": [], "global_parameters": [], "policies": [],
        "queues": [], "exchanges": [], "bindings": [],
    }


# ---------------------------------------------------------------- cases

def pe(s):
    """Percent-encode every byte but unreserved ASCII (space -> %20)."""
    return quote(s, safe="")


def qs(*pairs, plus=False):
    """Raw query string from (name, value) pairs; name is written as given."""
    out = []
    for k, v in pairs:
        ev = pe(v)
        if plus:
            ev = ev.replace("%20", "+")
        out.append(k + "=" + ev)
    return "&".join(out)


FORM = "application/x-www-form-urlencoded"
FORM_CS = "application/x-www-form-urlencoded; charset=UTF-8"
CASES = []
_ids = set()


def add(cid, method, path, query, expect_body, note, content_type=None, body=None,
        status=200, max_seconds=None, reasons=None):
    """reasons: the exact body expected with WARREN_DENY_REASONS=true (run.py --deny-reasons)."""
    assert cid not in _ids, cid
    _ids.add(cid)
    c = {"id": cid, "method": method, "path": path, "query": query,
         "content_type": content_type, "body": body, "expect_status": status,
         "expect_body": expect_body if status == 200 else None, "note": note}
    if max_seconds is not None:
        c["max_seconds"] = max_seconds
    if reasons is not None:
        assert expect_body == "deny" and reasons.startswith("deny "), cid
        c["expect_body_reasons"] = reasons
    CASES.append(c)


def both(cid, path, params, expect_body, note, ct=FORM, max_seconds=None):
    """The same decision as GET (query string) and POST (form body)."""
    add(cid + "-get", "GET", path, params, expect_body, note + " [GET]", max_seconds=max_seconds)
    add(cid + "-post", "POST", path, None, expect_body, note + " [POST]",
        content_type=ct, body=params, max_seconds=max_seconds)


U, V, R, T = "/auth/user", "/auth/vhost", "/auth/resource", "/auth/topic"


def user_q(name, pw=None, **kw):
    pairs = [("username", name)]
    if pw is not None:
        pairs.append(("password", pw))
    return qs(*pairs, **kw)


def vhost_q(name, vhost, tags="", ip="127.0.0.1"):
    return qs(("username", name), ("vhost", vhost), ("ip", ip), ("tags", tags))


def res_q(name, vhost, resource, rname, perm, tags=""):
    return qs(("username", name), ("vhost", vhost), ("resource", resource), ("name", rname),
              ("permission", perm), ("tags", tags))


def topic_q(name, vhost, exchange, perm, rk, client_id=None, tags=""):
    pairs = [("username", name), ("vhost", vhost), ("resource", "topic"), ("name", exchange),
             ("permission", perm), ("routing_key", rk), ("tags", tags),
             ("variable_map.username", name), ("variable_map.vhost", vhost)]
    if client_id is not None:
        pairs.append(("variable_map.client_id", client_id))
    return qs(*pairs)


def build_cases():
    P = PASSWORDS
    # ------------------------------------------------------------ /auth/user
    both("user-alice-ok", U, user_q("alice", P["alice"]), "allow administrator monitoring",
         "correct password, tags in stored order, sha256", ct=FORM_CS)
    add("user-alice-ok-post-nospace-charset", "POST", U, None, "allow administrator monitoring",
        "charset parameter without space", content_type=FORM + ";charset=UTF-8",
        body=user_q("alice", P["alice"]))
    add("user-alice-ok-post-plain", "POST", U, None, "allow administrator monitoring",
        "POST without charset parameter", content_type=FORM, body=user_q("alice", P["alice"]))
    add("user-alice-param-order", "GET", U, "password=alice-secret&username=alice",
        "allow administrator monitoring", "parameter order does not matter")
    add("user-alice-mqtt-extra", "GET", U,
        qs(("username", "alice"), ("password", P["alice"]), ("vhost", "/"), ("client_id", "c1")),
        "allow administrator monitoring", "MQTT adds vhost and client_id to the user path")
    both("user-alice-wrongpw", U, user_q("alice", "alice-secreT"), "deny", "wrong password (case)")
    both("user-alice-nopw", U, user_q("alice"), "deny",
         "password absent and alice is not marked for certificate login")
    add("user-alice-emptypw", "GET", U, "username=alice&password=", "deny", "empty password never matches")
    add("user-alice-pw-nul", "GET", U, "username=alice&password=alice-secret%00", "deny",
        "NUL appended to the password: no truncation")
    add("user-alice-pw-trailing-space", "GET", U, "username=alice&password=alice-secret+", "deny",
        "trailing space in password: no trimming")
    add("user-alice-pw-prefix", "GET", U, "username=alice&password=alice-secre", "deny",
        "password prefix")
    add("user-alice-name-nul", "GET", U, "username=alice%00&password=alice-secret", "deny",
        "NUL appended to the username: no truncation")
    add("user-alice-name-trailing-space", "GET", U, "username=alice%20&password=alice-secret", "deny",
        "trailing space in the username: no trimming")
    add("user-alice-name-leading-tab", "GET", U, "username=%09alice&password=alice-secret", "deny",
        "leading tab in the username: no trimming")
    add("user-Alice-case", "GET", U, "username=Alice&password=alice-secret", "deny",
        "usernames are case-sensitive")
    add("user-paramname-case-username", "GET", U, "Username=alice&password=alice-secret", "deny",
        "parameter names are exact: Username is not username")
    add("user-paramname-case-password", "GET", U, "username=alice&Password=alice-secret", "deny",
        "parameter names are exact: Password is not password (so password is absent)")
    add("user-paramname-space", "GET", U, "username=alice&password%20=alice-secret", "deny",
        "parameter names are not trimmed")
    add("user-dup-username-same", "GET", U,
        "username=alice&username=alice&password=alice-secret", "deny",
        "duplicate username, even with equal values")
    add("user-dup-password", "GET", U,
        "username=alice&password=alice-secret&password=alice-secret", "deny", "duplicate password")
    add("user-dup-password-post", "POST", U, None, "deny", "duplicate password in a POST body",
        content_type=FORM, body="username=alice&password=wrong&password=alice-secret")
    add("user-missing-username", "GET", U, "password=alice-secret", "deny", "missing username")
    add("user-empty-query", "GET", U, "", "deny", "empty query string")
    add("user-no-query", "GET", U, None, "deny", "no query string at all")
    add("user-unknown", "GET", U, "username=ghost&password=alice-secret", "deny", "unknown user")
    add("user-unknown-nopw", "GET", U, "username=ghost", "deny", "unknown user, no password")
    # bob: password with space, '+', '&', '%'; sha512; tags as a comma string
    both("user-bob-ok-plus", U, user_q("bob", P["bob"], plus=True), "allow management policymaker",
         "password 'b0b pass+&%' with '+' for space, %2B %26 %25; sha512; tags from a comma string")
    add("user-bob-ok-pct20", "GET", U, "username=bob&password=b0b%20pass%2B%26%25",
        "allow management policymaker", "%20 for space")
    add("user-bob-ok-lowerhex", "GET", U, "username=bob&password=b0b%20pass%2b%26%25",
        "allow management policymaker", "lower-case hex digits in percent-encoding")
    add("user-bob-ok-encoded-name", "GET", U, "username=%62%6F%62&password=b0b+pass%2B%26%25",
        "allow management policymaker", "percent-encoded plain ASCII in the username value")
    add("user-bob-raw-plus", "GET", U, "username=bob&password=b0b+pass+%26%25", "deny",
        "raw '+' decodes to a space, so the password is 'b0b pass &%'")
    add("user-bob-raw-amp", "GET", U, "username=bob&password=b0b+pass%2B&%25", "deny",
        "raw '&' splits the value: password 'b0b pass+'")
    add("user-bob-trailing-pct", "GET", U, "username=bob&password=b0b+pass%2B%26%", "deny",
        "lone '%' at the end is invalid percent-encoding")
    add("user-bob-pct-zz", "GET", U, "username=bob&password=b0b+pass%2B%26%zz", "deny",
        "'%zz' is invalid percent-encoding")
    add("user-bob-pct-short", "GET", U, "username=bob&password=b0b+pass%2B%26%2", "deny",
        "truncated escape '%2'")
    add("user-bob-double-encoded", "GET", U, "username=bob&password=b0b+pass%252B%2526%2525", "deny",
        "decoding happens exactly once: %252B is '%2B', not '+'")
    # non-ASCII
    both("user-jose-ok", U, user_q("josé", P["josé"]), "allow",
         "non-ASCII username and password (NFC), md5, no tags => bare 'allow'")
    add("user-jose-nfd", "GET", U, "username=jose%CC%81&password=" + pe(P["josé"]), "deny",
        "NFD form of josé is a different user: no Unicode normalisation")
    add("user-jose-latin1", "GET", U, "username=jos%E9&password=" + pe(P["josé"]), "deny",
        "%E9 alone is invalid UTF-8 (Latin-1 byte): deny, never repaired")
    add("user-jose-upper", "GET", U, "username=JOS%C3%89&password=" + pe(P["josé"]), "deny",
        "no case folding of non-ASCII usernames")
    add("user-jose-overlong", "GET", U, "username=%C0%AF&password=x", "deny",
        "overlong UTF-8 sequence is invalid UTF-8")
    add("user-jose-surrogate", "GET", U, "username=%ED%A0%80&password=x", "deny",
        "UTF-8-encoded surrogate is invalid UTF-8")
    add("user-jose-truncated-utf8", "GET", U, "username=jos%C3&password=" + pe(P["josé"]), "deny",
        "truncated UTF-8 sequence")
    add("user-jose-bad-pw-utf8", "GET", U, "username=jos%C3%A9&password=contrase%F1a", "deny",
        "invalid UTF-8 in the password (Latin-1 ñ)")
    both("user-yonghu-ok", U, user_q("用户", P["用户"]), "allow monitoring",
         "CJK username, password with a 4-byte UTF-8 emoji, hashing_algorithm omitted (sha256)")
    add("user-yonghu-wrongpw", "GET", U, user_q("用户", "密码"), "deny", "password without the emoji")
    both("user-carol-ok", U, user_q("carol smith+&%", P["carol smith+&%"], plus=True), "allow management",
         "username with space, '+', '&', '%'")
    add("user-carol-pct20", "GET", U, "username=carol%20smith%2B%26%25&password=carol%20pw",
        "allow management", "same with %20")
    add("user-carol-raw-plus", "GET", U, "username=carol+smith+%26%25&password=carol+pw", "deny",
        "raw '+' in the username means space: 'carol smith &%' is unknown")
    add("user-example-spec-hash", "GET", U, "username=example&password=test12", "allow management",
        "the hash example of docs/protocol.md section 4; tags as a single-item comma string")
    add("user-example-wrong", "GET", U, "username=example&password=test13", "deny", "wrong password")
    add("user-Dave-ok", "GET", U, "username=Dave&password=upper-pw", "allow monitoring",
        "Dave and dave are different users")
    add("user-dave-ok", "GET", U, "username=dave&password=lower-pw", "allow management",
        "Dave and dave are different users")
    add("user-dave-other-pw", "GET", U, "username=dave&password=upper-pw", "deny",
        "dave with Dave's password")
    add("user-DAVE", "GET", U, "username=DAVE&password=upper-pw", "deny", "DAVE does not exist")
    # hash-less, certificate, disabled, empty password
    add("user-nohash-pw", "GET", U, "username=nohash&password=x", "deny",
        "user without a password hash cannot log in with a password")
    add("user-nohash-emptypw", "GET", U, "username=nohash&password=", "deny",
        "user without a password hash, empty password")
    add("user-nohash-nopw", "GET", U, "username=nohash", "deny",
        "no password and not marked for certificate login")
    both("user-cert-nopw", U, "username=certuser", "allow monitoring management",
         "certificate login: password absent, user marked warren_certificate_login; tags in stored order")
    add("user-cert-nopw-mqtt", "GET", U, "username=certuser&vhost=%2F&client_id=dev-1",
        "allow monitoring management", "certificate login with MQTT extra parameters")
    both("user-cert-withpw", U, "username=certuser&password=anything", "deny",
         "certificate user presenting a password: there is no hash to verify against")
    add("user-cert-case", "GET", U, "username=CertUser", "deny", "certificate login is case-sensitive too")
    add("user-cert-nul", "GET", U, "username=certuser%00", "deny", "certificate login: NUL not truncated")
    both("user-disabled", U, "username=disabled&password=disabled-pw", "deny",
         "disabled user with the correct password")
    add("user-disabled-nopw", "GET", U, "username=disabled", "deny", "disabled user, no password")
    add("user-emptypw-user", "GET", U, "username=emptypw&password=", "deny",
        "hash of the empty password stored, but an empty password never matches")
    add("user-emptypw-user-nopw", "GET", U, "username=emptypw", "deny",
        "hash of the empty password stored, password absent")
    add("user-regexuser-ok", "GET", U, "username=regexuser&password=regex-pw", "allow",
        "tags exported as an empty string => bare 'allow'")
    add("user-topicuser-ok", "GET", U, "username=topicuser&password=topic-pw", "allow custom_tag management",
        "md5, tags from a comma string with a custom tag")
    # POST edge
    add("user-post-text-plain", "POST", U, None, "deny", "POST with text/plain is deny",
        content_type="text/plain", body=user_q("alice", P["alice"]))
    add("user-post-no-ct", "POST", U, None, "deny", "POST without Content-Type is deny",
        body=user_q("alice", P["alice"]))
    add("user-post-json", "POST", U, None, "deny", "POST with application/json is deny",
        content_type="application/json", body='{"username":"alice","password":"alice-secret"}')
    add("user-post-multipart", "POST", U, None, "deny", "multipart/form-data is not accepted",
        content_type="multipart/form-data; boundary=x", body=user_q("alice", P["alice"]))
    add("user-post-query-only", "POST", U, "username=alice&password=alice-secret", "deny",
        "POST reads only the body: parameters in the query string are ignored", content_type=FORM, body="")
    add("user-post-body-wins", "POST", U, "password=wrong", "allow administrator monitoring",
        "POST reads only the body: a stray query string has no effect", content_type=FORM,
        body=user_q("alice", P["alice"]))
    add("user-get-body-only", "GET", U, None, "deny", "GET reads only the query string",
        content_type=FORM, body=user_q("alice", P["alice"]))
    add("user-post-bad-utf8", "POST", U, None, "deny", "invalid UTF-8 in a POST body",
        content_type=FORM_CS, body="username=jos%E9&password=" + pe(P["josé"]))
    add("user-post-pct-zz", "POST", U, None, "deny", "invalid percent-encoding in a POST body",
        content_type=FORM, body="username=alice&password=alice-secret%zz")
    add("user-post-large", "POST", U, None, "deny",
        "64 KiB password (below the 128 KiB limit) gets a real answer", content_type=FORM,
        body="username=alice&password=" + "x" * 65536)

    # ----------------------------------------------------------- /auth/vhost
    both("vhost-alice-root", V, vhost_q("alice", "/", "administrator monitoring"), "allow",
         "vhost '/' encoded as %2F", ct=FORM_CS)
    add("vhost-alice-root-raw-slash", "GET", V,
        "username=alice&vhost=/&ip=127.0.0.1&tags=administrator+monitoring", "allow",
        "'/' unencoded in the query string")
    both("vhost-alice-devspace", V, vhost_q("alice", "dev space", "administrator monitoring"), "allow",
         "vhost with a space; alice's entry there is all-empty, which still counts")
    add("vhost-alice-devspace-plus", "GET", V,
        "username=alice&vhost=dev+space&ip=127.0.0.1&tags=administrator+monitoring", "allow",
        "'+' as the space in the vhost name")
    add("vhost-alice-devspace-pct2b", "GET", V,
        "username=alice&vhost=dev%2Bspace&ip=127.0.0.1&tags=administrator+monitoring", "deny",
        "%2B is a literal '+': vhost 'dev+space' has no entry")
    add("vhost-alice-devspace-case", "GET", V, vhost_q("alice", "Dev Space"), "deny",
        "vhost names are case-sensitive")
    both("vhost-alice-qa", V, vhost_q("alice", "qa", "administrator monitoring"), "deny",
         "alice has no permission entry for qa")
    add("vhost-alice-root-nul", "GET", V,
        "username=alice&vhost=%2F%00&ip=127.0.0.1&tags=", "deny", "NUL after '/': no truncation")
    add("vhost-alice-root-space", "GET", V,
        "username=alice&vhost=%2F%20&ip=127.0.0.1&tags=", "deny", "trailing space: no trimming")
    both("vhost-jose-prod", V, vhost_q("josé", "生产"), "allow", "non-ASCII user and vhost")
    add("vhost-jose-root", "GET", V, vhost_q("josé", "/"), "deny", "josé has no entry for '/'")
    add("vhost-yonghu-prod", "GET", V, vhost_q("用户", "生产", "monitoring"), "allow", "CJK user and vhost")
    add("vhost-carol-devspace", "GET", V, vhost_q("carol smith+&%", "dev space", "management"), "allow",
        "user name with space, '+', '&', '%' and vhost with a space")
    add("vhost-bob-root", "GET", V, vhost_q("bob", "/", "management policymaker"), "allow", "bob on /")
    add("vhost-nohash-root", "GET", V, vhost_q("nohash", "/", "management"), "allow",
        "vhost needs only an existing user with an entry, not a password")
    add("vhost-certuser-root", "GET", V, vhost_q("certuser", "/", "monitoring management"), "allow",
        "certificate user on a vhost with an entry")
    add("vhost-regexuser-qa", "GET", V, vhost_q("regexuser", "qa"), "allow",
        "entry with a non-compiling regex still counts for vhost access")
    add("vhost-regexuser-root", "GET", V, vhost_q("regexuser", "/"), "deny", "no entry for '/'")
    add("vhost-unknown", "GET", V, vhost_q("ghost", "/"), "deny", "unknown user")
    add("vhost-Alice", "GET", V, vhost_q("Alice", "/"), "deny", "usernames are case-sensitive")
    add("vhost-missing-vhost", "GET", V, "username=alice&ip=127.0.0.1&tags=", "deny", "missing vhost")
    add("vhost-missing-username", "GET", V, "vhost=%2F&ip=127.0.0.1&tags=", "deny", "missing username")
    add("vhost-dup-vhost", "GET", V, "username=alice&vhost=qa&vhost=%2F&ip=127.0.0.1&tags=", "deny",
        "duplicate vhost")
    add("vhost-dup-username", "GET", V, "username=ghost&username=alice&vhost=%2F&ip=127.0.0.1&tags=",
        "deny", "duplicate username")
    add("vhost-paramname-case", "GET", V, "username=alice&VHost=%2F&ip=127.0.0.1&tags=", "deny",
        "parameter names are exact")
    add("vhost-bad-pct", "GET", V, "username=alice&vhost=%2&ip=127.0.0.1&tags=", "deny",
        "invalid percent-encoding in the vhost")
    add("vhost-bad-utf8", "GET", V, "username=alice&vhost=%E7%94&ip=127.0.0.1&tags=", "deny",
        "truncated UTF-8 in the vhost")
    add("vhost-post-text-plain", "POST", V, None, "deny", "POST with text/plain",
        content_type="text/plain", body=vhost_q("alice", "/"))
    add("vhost-post-no-ct", "POST", V, None, "deny", "POST without Content-Type", body=vhost_q("alice", "/"))
    add("vhost-get-body-only", "GET", V, None, "deny", "GET with parameters only in the body",
        content_type=FORM, body=vhost_q("alice", "/"))

    # -------------------------------------------------------- /auth/resource
    A_TAGS = "administrator monitoring"
    both("res-alice-root-q-configure", R, res_q("alice", "/", "queue", "orders", "configure", A_TAGS),
         "allow", "'.*' matches", ct=FORM_CS)
    add("res-alice-root-ex-write", "GET", R, res_q("alice", "/", "exchange", "amq.default", "write", A_TAGS),
        "allow", "'.*' and the default exchange")
    add("res-alice-root-nul-name", "GET", R,
        "username=alice&vhost=%2F&resource=queue&name=a%00b&permission=read&tags=", "allow",
        "NUL inside a name is ordinary data")
    both("res-alice-devspace-empty", R, res_q("alice", "dev space", "queue", "x", "read", A_TAGS), "deny",
         "'' regex matches nothing")
    add("res-alice-devspace-empty-configure", "GET", R,
        res_q("alice", "dev space", "exchange", "amq.direct", "configure"), "deny", "'' regex matches nothing")
    add("res-alice-qa", "GET", R, res_q("alice", "qa", "queue", "x", "read"), "deny",
        "no permission entry for the vhost")
    # bob: configure '^app\.', write '^app\.|amq\.default', read 'foo'
    B_TAGS = "management policymaker"
    both("res-bob-configure-app", R, res_q("bob", "/", "queue", "app.q1", "configure", B_TAGS), "allow",
         "anchored '^app\\.' matches app.q1")
    both("res-bob-configure-xapp", R, res_q("bob", "/", "queue", "xapp.q1", "configure", B_TAGS), "deny",
         "anchored '^app\\.' does not match xapp.q1")
    add("res-bob-configure-appx", "GET", R, res_q("bob", "/", "queue", "appxq", "configure", B_TAGS), "deny",
        "escaped dot: 'appxq' does not match '^app\\.'")
    add("res-bob-configure-app-bare", "GET", R, res_q("bob", "/", "queue", "app", "configure", B_TAGS), "deny",
        "'app' lacks the dot")
    add("res-bob-configure-APP", "GET", R, res_q("bob", "/", "queue", "APP.q", "configure", B_TAGS), "deny",
        "regex matching is case-sensitive")
    add("res-bob-configure-app-plus", "GET", R,
        "username=bob&vhost=%2F&resource=queue&name=app.a%2Bb&permission=configure&tags=", "allow",
        "%2B in the name")
    both("res-bob-write-default", R, res_q("bob", "/", "exchange", "amq.default", "write", B_TAGS), "allow",
         "default exchange arrives as amq.default; alternation")
    add("res-bob-write-app", "GET", R, res_q("bob", "/", "exchange", "app.events", "write", B_TAGS), "allow",
        "first alternative")
    add("res-bob-write-amqtopic", "GET", R, res_q("bob", "/", "exchange", "amq.topic", "write", B_TAGS), "deny",
        "neither alternative")
    add("res-bob-write-inner-default", "GET", R,
        res_q("bob", "/", "exchange", "x.amq.default.y", "write", B_TAGS), "allow",
        "'^' binds only to the first alternative: 'amq\\.default' is found anywhere")
    add("res-bob-write-amqxdefault", "GET", R, res_q("bob", "/", "exchange", "amqxdefault", "write", B_TAGS),
        "deny", "escaped dot in amq\\.default")
    add("res-bob-write-amqdef", "GET", R, res_q("bob", "/", "exchange", "amq.def", "write", B_TAGS), "deny",
        "prefix of amq.default")
    both("res-bob-read-xfooy", R, res_q("bob", "/", "queue", "xfooy", "read", B_TAGS), "allow",
         "unanchored find: 'foo' matches inside 'xfooy'")
    add("res-bob-read-foo", "GET", R, res_q("bob", "/", "queue", "foo", "read", B_TAGS), "allow", "exact")
    add("res-bob-read-fo", "GET", R, res_q("bob", "/", "queue", "fo", "read", B_TAGS), "deny", "too short")
    add("res-bob-read-FOO", "GET", R, res_q("bob", "/", "queue", "FOO", "read", B_TAGS), "deny", "case-sensitive")
    add("res-bob-read-nul-after", "GET", R,
        "username=bob&vhost=%2F&resource=queue&name=x%00foo&permission=read&tags=", "allow",
        "'foo' after a NUL is still found: no truncation at NUL")
    add("res-bob-read-nul-inside", "GET", R,
        "username=bob&vhost=%2F&resource=queue&name=fo%00o&permission=read&tags=", "deny",
        "NUL inside 'fo\\0o' breaks the match")
    add("res-bob-read-ctl", "GET", R,
        "username=bob&vhost=%2F&resource=queue&name=%09foo%0A&permission=read&tags=", "allow",
        "control characters are ordinary data")
    add("res-bob-read-topic-kind", "GET", R, res_q("bob", "/", "topic", "foo", "read", B_TAGS), "allow",
        "resource=topic is a valid resource value; the read regex applies")
    add("res-bob-configure-exchange", "GET", R, res_q("bob", "/", "exchange", "app.x", "configure", B_TAGS),
        "allow", "resource kind does not change which regex applies")
    add("res-bob-read-order", "GET", R,
        "permission=read&name=xfooy&tags=&resource=queue&vhost=%2F&username=bob", "allow",
        "parameter order does not matter")
    add("res-bob-perm-unknown", "GET", R, res_q("bob", "/", "queue", "foo", "admin"), "deny",
        "unknown permission value")
    add("res-bob-perm-case", "GET", R, res_q("bob", "/", "queue", "foo", "Read"), "deny",
        "permission value is case-sensitive")
    add("res-bob-perm-empty", "GET", R, res_q("bob", "/", "queue", "foo", ""), "deny", "empty permission value")
    add("res-bob-perm-space", "GET", R, "username=bob&vhost=%2F&resource=queue&name=foo&permission=read+&tags=",
        "deny", "permission 'read ' is not trimmed")
    add("res-bob-resource-unknown", "GET", R, res_q("bob", "/", "binding", "foo", "read"), "deny",
        "unknown resource value")
    add("res-bob-resource-case", "GET", R, res_q("bob", "/", "Queue", "foo", "read"), "deny",
        "resource value is case-sensitive")
    add("res-bob-missing-resource", "GET", R, "username=bob&vhost=%2F&name=foo&permission=read&tags=", "deny",
        "missing resource")
    add("res-bob-missing-name", "GET", R, "username=bob&vhost=%2F&resource=queue&permission=read&tags=", "deny",
        "missing name")
    add("res-bob-missing-permission", "GET", R, "username=bob&vhost=%2F&resource=queue&name=foo&tags=", "deny",
        "missing permission")
    add("res-bob-missing-vhost", "GET", R, "username=bob&resource=queue&name=foo&permission=read&tags=", "deny",
        "missing vhost")
    add("res-bob-missing-username", "GET", R, "vhost=%2F&resource=queue&name=foo&permission=read&tags=", "deny",
        "missing username")
    add("res-bob-dup-name", "GET", R,
        "username=bob&vhost=%2F&resource=queue&name=bar&name=foo&permission=read&tags=", "deny", "duplicate name")
    add("res-bob-dup-permission", "GET", R,
        "username=bob&vhost=%2F&resource=queue&name=foo&permission=configure&permission=read&tags=", "deny",
        "duplicate permission")
    add("res-bob-dup-permission-same", "GET", R,
        "username=bob&vhost=%2F&resource=queue&name=foo&permission=read&permission=read&tags=", "deny",
        "duplicate permission with equal values")
    add("res-bob-paramname-case", "GET", R,
        "username=bob&vhost=%2F&resource=queue&Name=foo&permission=read&tags=", "deny",
        "Name is not name")
    add("res-bob-bad-pct-name", "GET", R,
        "username=bob&vhost=%2F&resource=queue&name=foo%zz&permission=read&tags=", "deny",
        "invalid percent-encoding in the name")
    add("res-bob-bad-utf8-name", "GET", R,
        "username=bob&vhost=%2F&resource=queue&name=foo%FF&permission=read&tags=", "deny",
        "0xFF is never valid UTF-8")
    add("res-Bob", "GET", R, res_q("Bob", "/", "queue", "foo", "read"), "deny", "case-sensitive username")
    add("res-unknown-user", "GET", R, res_q("ghost", "/", "queue", "foo", "read"), "deny", "unknown user")
    add("res-post-text-plain", "POST", R, None, "deny", "POST with text/plain",
        content_type="text/plain", body=res_q("bob", "/", "queue", "foo", "read"))
    add("res-get-body-only", "GET", R, None, "deny", "GET with parameters only in the body",
        content_type=FORM, body=res_q("bob", "/", "queue", "foo", "read"))
    # non-ASCII regex and names
    both("res-jose-configure-cjk", R, res_q("josé", "生产", "queue", "队列.1", "configure"), "allow",
         "non-ASCII regex '^队列\\.' matches")
    add("res-jose-configure-cjk-x", "GET", R, res_q("josé", "生产", "queue", "x队列.1", "configure"), "deny",
        "anchored non-ASCII regex")
    add("res-jose-read-empty", "GET", R, res_q("josé", "生产", "queue", "队列.1", "read"), "deny",
        "'' read regex")
    add("res-jose-nfd", "GET", R, "username=jose%CC%81&vhost=" + pe("生产") +
        "&resource=queue&name=" + pe("队列.1") + "&permission=configure&tags=", "deny",
        "NFD username is another (unknown) user")
    add("res-carol-write-empty", "GET", R, res_q("carol smith+&%", "dev space", "exchange", "e", "write"), "deny",
        "carol's write regex is ''")
    add("res-carol-read", "POST", R, None, "allow", "carol reads anything in 'dev space'",
        content_type=FORM, body=res_q("carol smith+&%", "dev space", "queue", "q", "read", "management"))
    # regexuser on qa: configure '[' (invalid), write '^(.*a){12}$', read '^ctl$|^a.b$'
    both("res-regex-invalid", R, res_q("regexuser", "qa", "queue", "[", "configure"), "deny",
         "the configure regex '[' does not compile")
    add("res-regex-invalid-2", "GET", R, res_q("regexuser", "qa", "queue", "anything", "configure"), "deny",
        "the configure regex '[' does not compile")
    both("res-regex-redos", R, res_q("regexuser", "qa", "exchange", "a" * 40 + "b", "write"), "deny",
         "catastrophic '^(.*a){12}$' against forty 'a' then 'b': bounded, deny, within 1 s", max_seconds=1.0)
    add("res-regex-redos-short", "GET", R, res_q("regexuser", "qa", "exchange", "b", "write"), "deny",
        "the catastrophic pattern does not match 'b' anyway")
    add("res-regex-after-redos", "GET", R, res_q("regexuser", "qa", "queue", "ctl", "read"), "allow",
        "the server still answers after the ReDoS probe; '^ctl$' matches")
    add("res-regex-ctl-cr", "GET", R,
        "username=regexuser&vhost=qa&resource=queue&name=ctl%0D&permission=read&tags=", "deny",
        "PCRE '$' does not match before '\\r' (Java needs UNIX_LINES)")
    add("res-regex-ctl-lf", "GET", R,
        "username=regexuser&vhost=qa&resource=queue&name=ctl%0A&permission=read&tags=", "allow",
        "PCRE and Java '$' both match before a final '\\n'")
    add("res-regex-ctl-nul", "GET", R,
        "username=regexuser&vhost=qa&resource=queue&name=ctl%00&permission=read&tags=", "deny",
        "'ctl\\0' is not 'ctl': no truncation at NUL")
    add("res-regex-dot-cr", "GET", R,
        "username=regexuser&vhost=qa&resource=queue&name=a%0Db&permission=read&tags=", "allow",
        "PCRE '.' matches '\\r' (Java needs UNIX_LINES)")
    add("res-regex-dot-lf", "GET", R,
        "username=regexuser&vhost=qa&resource=queue&name=a%0Ab&permission=read&tags=", "deny",
        "'.' does not match '\\n'")
    add("res-regex-dot-ascii", "GET", R, res_q("regexuser", "qa", "queue", "a-b", "read"), "allow",
        "'^a.b$' matches a-b")

    # ----------------------------------------------------------- /auth/topic
    TT = "custom_tag management"
    both("topic-user-write-own", T, topic_q("topicuser", "/", "amq.topic", "write", "topicuser.orders", tags=TT),
         "allow", "{username} expanded from variable_map.username", ct=FORM_CS)
    both("topic-user-write-other", T, topic_q("topicuser", "/", "amq.topic", "write", "bob.orders", tags=TT),
         "deny", "routing key of another user")
    add("topic-user-write-inner", "GET", T,
        topic_q("topicuser", "/", "amq.topic", "write", "x.topicuser.orders", tags=TT), "deny",
        "anchored '^{username}\\.'")
    add("topic-user-write-nodot", "GET", T,
        topic_q("topicuser", "/", "amq.topic", "write", "topicuserXorders", tags=TT), "deny",
        "the escaped dot after the variable stays escaped")
    add("topic-user-read-public", "GET", T,
        topic_q("topicuser", "/", "amq.topic", "read", "public.news", tags=TT), "allow", "alternation in read")
    add("topic-user-read-own", "GET", T,
        topic_q("topicuser", "/", "amq.topic", "read", "topicuser.inbox", tags=TT), "allow",
        "{username} inside a group")
    add("topic-user-read-private", "GET", T,
        topic_q("topicuser", "/", "amq.topic", "read", "private.x", tags=TT), "deny", "no alternative matches")
    add("topic-user-rk-nul", "GET", T,
        "username=topicuser&vhost=%2F&resource=topic&name=amq.topic&permission=write&routing_key=topicuser%00.x"
        "&tags=&variable_map.username=topicuser&variable_map.vhost=%2F", "deny",
        "NUL inside the routing key is data: 'topicuser\\0.x' does not match")
    both("topic-vhost-write-own", T, topic_q("topicuser", "qa", "amq.topic", "write", "qa.orders", tags=TT),
         "allow", "{vhost} expanded from variable_map.vhost")
    add("topic-vhost-write-other", "GET", T,
        topic_q("topicuser", "qa", "amq.topic", "write", "prod.orders", tags=TT), "deny",
        "routing key for another vhost")
    add("topic-vhost-read-any", "GET", T,
        topic_q("topicuser", "qa", "amq.topic", "read", "prod.orders", tags=TT), "allow", "'.*' read")
    both("topic-client-write-own", T,
         topic_q("topicuser", "/", "mqtt.ex", "write", "devices/dev-42/temp", client_id="dev-42", tags=TT),
         "allow", "MQTT: {client_id} expanded from variable_map.client_id")
    add("topic-client-write-other", "GET", T,
        topic_q("topicuser", "/", "mqtt.ex", "write", "devices/dev-43/temp", client_id="dev-42", tags=TT),
        "deny", "another client's topic")
    add("topic-client-write-other-id", "GET", T,
        topic_q("topicuser", "/", "mqtt.ex", "write", "devices/dev-42/temp", client_id="dev-43", tags=TT),
        "deny", "same routing key, other client id")
    add("topic-client-read-broadcast", "GET", T,
        topic_q("topicuser", "/", "mqtt.ex", "read", "broadcast/all", client_id="dev-42", tags=TT),
        "allow", "second alternative")
    both("topic-locked-write", T, topic_q("topicuser", "/", "locked.ex", "write", "x", tags=TT), "deny",
         "empty topic write regex => deny")
    add("topic-locked-read", "GET", T, topic_q("topicuser", "/", "locked.ex", "read", "x", tags=TT), "allow",
        "read '.*' on the same exchange")
    both("topic-noperm-exchange-write", T, topic_q("topicuser", "/", "other.ex", "write", "anything", tags=TT),
         "allow", "no topic permission for this exchange => allow")
    add("topic-noperm-exchange-read", "GET", T, topic_q("topicuser", "/", "other.ex", "read", "anything", tags=TT),
        "allow", "no topic permission for this exchange => allow")
    add("topic-noperm-exchange-case", "GET", T, topic_q("topicuser", "/", "AMQ.TOPIC", "write", "zzz", tags=TT),
        "allow", "exchange names are exact: AMQ.TOPIC has no topic permission")
    add("topic-noperm-vhost", "GET", T, topic_q("alice", "/", "amq.topic", "write", "anything"), "allow",
        "alice has no topic permissions at all")
    both("topic-unknown-user", T, topic_q("ghost", "/", "other.ex", "write", "anything"), "deny",
         "unknown user is denied on the topic path (stricter than the broker)")
    add("topic-unknown-user-amq", "GET", T, topic_q("ghost", "/", "amq.topic", "write", "ghost.x"), "deny",
        "unknown user, exchange that has topic permissions for another user")
    add("topic-Topicuser", "GET", T, topic_q("TopicUser", "/", "other.ex", "write", "x"), "deny",
        "case-sensitive username: TopicUser is unknown")
    add("topic-perm-configure", "GET", T, topic_q("topicuser", "/", "amq.topic", "configure", "topicuser.x"),
        "deny", "configure is not a topic permission")
    add("topic-perm-case", "GET", T, topic_q("topicuser", "/", "amq.topic", "Write", "topicuser.x"), "deny",
        "permission value is case-sensitive")
    add("topic-missing-rk", "GET", T,
        "username=topicuser&vhost=%2F&resource=topic&name=amq.topic&permission=write&tags="
        "&variable_map.username=topicuser&variable_map.vhost=%2F", "deny",
        "missing routing_key on an exchange with topic permissions")
    add("topic-dup-rk", "GET", T,
        "username=topicuser&vhost=%2F&resource=topic&name=amq.topic&permission=write&routing_key=topicuser.x"
        "&routing_key=topicuser.y&tags=&variable_map.username=topicuser&variable_map.vhost=%2F", "deny",
        "duplicate routing_key")
    add("topic-bad-pct-rk", "GET", T,
        "username=topicuser&vhost=%2F&resource=topic&name=amq.topic&permission=write&routing_key=topicuser.%zz"
        "&tags=&variable_map.username=topicuser&variable_map.vhost=%2F", "deny",
        "invalid percent-encoding in routing_key")
    both("topic-jose-write", T, topic_q("josé", "生产", "amq.topic", "write", "josé/x"), "allow",
         "non-ASCII {username} expansion")
    add("topic-jose-write-ascii", "GET", T, topic_q("josé", "生产", "amq.topic", "write", "jose/x"), "deny",
        "'jose' is not 'josé'")
    add("topic-jose-read", "GET", T, topic_q("josé", "生产", "amq.topic", "read", "生产/x"), "allow",
        "non-ASCII {vhost} expansion")
    add("topic-jose-read-other", "GET", T, topic_q("josé", "生产", "amq.topic", "read", "测试/x"), "deny",
        "another vhost prefix")
    add("topic-post-text-plain", "POST", T, None, "deny", "POST with text/plain",
        content_type="text/plain", body=topic_q("topicuser", "/", "other.ex", "write", "x"))
    add("topic-post-no-ct", "POST", T, None, "deny", "POST without Content-Type",
        body=topic_q("topicuser", "/", "other.ex", "write", "x"))

    # --------------------------------------------------------- paths, methods
    good = user_q("alice", P["alice"])
    for cid, path in [("path-userx", "/auth/userx"), ("path-user-slash", "/auth/user/"),
                      ("path-USER", "/auth/USER"), ("path-double-slash", "//auth/user"),
                      ("path-triple-slash", "///auth/user"), ("path-pct-u", "/auth/%75ser"),
                      ("path-pct-slash", "/auth%2Fuser"), ("path-dot", "/auth/./user"),
                      ("path-dotdot", "/auth/x/../user"), ("path-auth", "/auth"), ("path-auth-slash", "/auth/"),
                      ("path-root", "/"), ("path-users", "/auth/users"), ("path-semicolon", "/auth/user;x"),
                      ("path-prefix", "/api/auth/user"), ("path-Auth", "/Auth/user")]:
        add(cid, "GET", path, good, None, "only the exact path answers: " + path, status=404)
    for cid, path in [("path-vhost-slash", "/auth/vhost/"), ("path-resource-case", "/auth/Resource"),
                      ("path-topic-x", "/auth/topics"), ("path-vhost-double", "/auth//vhost")]:
        add(cid, "GET", path, vhost_q("alice", "/"), None, "only the exact path answers: " + path, status=404)
    add("path-post-userx", "POST", "/auth/userx", None, None, "POST to a wrong path", content_type=FORM,
        body=good, status=404)
    for cid, method, path in [("method-put-user", "PUT", U), ("method-delete-vhost", "DELETE", V),
                              ("method-patch-resource", "PATCH", R), ("method-put-topic", "PUT", T),
                              ("method-delete-user", "DELETE", U)]:
        add(cid, method, path, None, None, method + " is not allowed", content_type=FORM, body=good, status=405)


def parameter_sets():
    """What rabbitmq_auth_backend_http sends from 3.10 to 4.3 (docs/compatibility.md): the extra
    parameters are ignored, none changes a decision, and password=none is a password."""
    P = PASSWORDS
    creds = "invalid credentials"
    no_vhost = "deny no permissions on vhost"
    # user path: 3.10+ AMQP PLAIN sends username and password; direct connections (shovel,
    # federation, MQTT before 3.12) add vhost; MQTT adds client_id; 3.13+ forwards every property
    for cid, pairs, note in [
            ("compat-user-amqp", [("username", "alice"), ("password", P["alice"])], "AMQP 0-9-1 PLAIN, every version"),
            ("compat-user-direct", [("username", "alice"), ("password", P["alice"]), ("vhost", "/")],
             "direct connection / management API: vhost added (3.10+)"),
            ("compat-user-mqtt-310", [("username", "alice"), ("password", P["alice"]), ("vhost", "/"),
                                      ("client_id", "sensor-1")], "MQTT 3.10-3.11 through the direct client"),
            ("compat-user-mqtt-41", [("username", "alice"), ("vhost", "qa"), ("client_id", "sensor-1"),
                                     ("password", P["alice"])], "MQTT 4.0+: vhost, client_id, password in that order"),
            ("compat-user-mqtt-vhost-without-access", [("username", "alice"), ("password", P["alice"]),
                                                       ("vhost", "nowhere")],
             "the user path decides the password only: vhost access is asked on the vhost path"),
            ("compat-user-unknown-property", [("username", "alice"), ("password", P["alice"]), ("is_loopback", "true"),
                                              ("sockOrAddr", "x")], "a property a future broker forwards is ignored")]:
        both(cid, U, qs(*pairs), "allow administrator monitoring", note)
    both("compat-user-mqtt-x509-41", U, qs(("username", "certuser"), ("vhost", "/"), ("client_id", "dev-1")),
         "allow monitoring management", "MQTT x.509 on 4.1+: no password parameter at all")
    add("compat-user-password-none-cert", "GET", U,
        qs(("username", "certuser"), ("vhost", "/"), ("client_id", "dev-1"), ("password", "none")), "deny",
        "MQTT x.509 on 4.0: password=none is a password, not a certificate login (docs/semantics.md)",
        reasons="deny " + creds)
    add("compat-user-password-none-alice", "GET", U, qs(("username", "alice"), ("password", "none")), "deny",
        "password=none is checked against the hash like any other password", reasons="deny " + creds)
    add("compat-user-unknown-reason", "GET", U, qs(("username", "ghost"), ("password", "x")), "deny",
        "unknown user: the same reason as a wrong password", reasons="deny " + creds)
    add("compat-user-wrong-reason", "GET", U, qs(("username", "alice"), ("password", "x")), "deny",
        "wrong password", reasons="deny " + creds)
    # vhost path: ip from the connection's peer address; "unknown" when there is none, empty when
    # the check has no context (internal clients), IPv4-mapped IPv6 as written by inet:ntoa
    for suffix, ip in [("ipv4", "10.0.0.5"), ("unknown", "unknown"), ("empty", ""), ("mapped", "::ffff:10.0.0.5"),
                       ("ipv6", "fe80::1"), ("reverse-dns", "client.example.com")]:
        both("compat-vhost-ip-" + suffix, V, vhost_q("alice", "/", "administrator monitoring", ip=ip), "allow",
             "ip=" + (ip or "''") + " does not change the decision")
        add("compat-vhost-ip-" + suffix + "-deny", "GET", V, vhost_q("alice", "qa", "administrator monitoring", ip=ip),
            "deny", "ip=" + (ip or "''") + ", no permissions on qa", reasons=no_vhost)
    add("compat-vhost-no-ip", "GET", V, qs(("username", "alice"), ("vhost", "/")), "allow",
        "ip and tags absent (a caller other than the broker)")
    both("compat-vhost-mqtt-client-id", V, qs(("username", "topicuser"), ("vhost", "/"), ("ip", "127.0.0.1"),
                                                ("tags", "custom_tag management"), ("client_id", "dev-1")), "allow",
         "MQTT 3.13+ adds client_id to the vhost check")
    add("compat-vhost-tags-lie", "GET", V, vhost_q("josé", "/", "administrator"), "deny",
        "tags are the broker's copy of the user's tags; they never grant anything", reasons=no_vhost)
    add("compat-vhost-unknown-user-reason", "GET", V, vhost_q("ghost", "/"), "deny",
        "unknown user reads like a user without permissions", reasons=no_vhost)
    # resource path: tags always (3.10+), client_id from MQTT (3.13+)
    both("compat-resource-tags", R, res_q("bob", "/", "queue", "app.q1", "configure", "management policymaker"),
         "allow", "tags on the resource path")
    both("compat-resource-mqtt-client-id", R, qs(("username", "topicuser"), ("vhost", "/"), ("resource", "queue"),
                                                  ("name", "mqtt-subscription-dev-1qos1"), ("permission", "configure"),
                                                  ("tags", "custom_tag management"), ("client_id", "dev-1")),
         "allow", "MQTT 3.13+ adds client_id to resource checks")
    add("compat-resource-deny-reason", "GET", R, res_q("bob", "/", "queue", "billing", "configure", "management"),
        "deny", "configure regex does not match", reasons="deny name does not match the permission")
    add("compat-resource-no-vhost-reason", "GET", R, res_q("bob", "qa", "queue", "app.x", "read"), "deny",
        "no permissions on the vhost", reasons=no_vhost)
    add("compat-resource-tags-lie", "GET", R, res_q("bob", "/", "queue", "billing", "configure", "administrator"),
        "deny", "tags never grant anything", reasons="deny name does not match the permission")
    # topic path: variable_map.* (client_id from MQTT), tags
    add("compat-topic-deny-reason", "GET", T, topic_q("topicuser", "/", "amq.topic", "write", "other.x",
                                                      tags="custom_tag management"),
        "deny", "write regex does not match", reasons="deny routing key does not match the topic permission")
    add("compat-topic-configure-reason", "GET", T, topic_q("topicuser", "/", "amq.topic", "configure", "x"), "deny",
        "configure on the topic path", reasons="deny malformed request")


def main():
    build_cases()
    parameter_sets()
    assert len(CASES) >= 150, len(CASES)
    with open(os.path.join(HERE, "definitions.json"), "w", encoding="utf-8") as f:
        json.dump(definitions(), f, ensure_ascii=False, indent=2)
        f.write("\n")
    with open(os.path.join(HERE, "cases.json"), "w", encoding="utf-8") as f:
        json.dump(CASES, f, ensure_ascii=False, indent=1)
        f.write("\n")
    print("wrote %d users, %d cases" % (len(USERS), len(CASES)), file=sys.stderr)


if __name__ == "__main__":
    main()
