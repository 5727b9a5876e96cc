package io.lvsplay.modules.content;

/**
 * The Python 3 program get_url runs on the host (urllib: http, https, ftp, file). Its modes:
 * {@code probe} streams the body through sha1/md5/the checksum's algorithm and keeps nothing
 * (planning); {@code text} returns a small body (a checksum file); {@code fetch} streams the body
 * into a temp file in the destination's directory, checks the checksum, backs up, keeps the old
 * file's mode and owner (or 0666 less the umask for a new file), applies mode/owner/group, renames.
 * It answers one JSON object: status, msg, url, disposition, digests, size, backup_file or error.
 */
final class HttpDownload {
    private HttpDownload() {
    }

    static final String PROGRAM = """
            import base64, email.utils, grp, hashlib, os, pwd, shutil, ssl, tempfile, time
            import urllib.error, urllib.request
            def out(**kw):
                print(json.dumps(kw))
                sys.exit(0)
            handlers = []
            if not a['validate_certs']:
                ctx = ssl.create_default_context()
                ctx.check_hostname = False
                ctx.verify_mode = ssl.CERT_NONE
                handlers.append(urllib.request.HTTPSHandler(context=ctx))
            if not a['use_proxy']:
                handlers.append(urllib.request.ProxyHandler({}))
            user, password = a.get('username'), a.get('password') or ''
            headers = dict(a.get('headers') or {})
            headers.setdefault('User-Agent', a['http_agent'])
            if user and a['force_basic_auth']:
                headers['Authorization'] = 'Basic ' + base64.b64encode(('%s:%s' % (user, password)).encode()).decode()
            elif user:
                manager = urllib.request.HTTPPasswordMgrWithDefaultRealm()
                manager.add_password(None, a['url'], user, password)
                handlers.append(urllib.request.HTTPBasicAuthHandler(manager))
            if a['force']:
                headers['cache-control'] = 'no-cache'
            elif a.get('since') is not None:
                headers['If-Modified-Since'] = email.utils.formatdate(a['since'], usegmt=True)
            try:
                r = urllib.request.build_opener(*handlers).open(
                    urllib.request.Request(a['url'], headers=headers), timeout=a['timeout'])
            except urllib.error.HTTPError as e:
                out(status=e.code, msg=str(e), url=a['url'])
            except Exception as e:
                out(status=-1, msg='Request failed: %s' % e, url=a['url'])
            status = r.getcode() or 200
            names = ['sha1', 'md5'] + ([a['algorithm']] if a.get('algorithm') else [])
            digests = dict((n, hashlib.new(n)) for n in names)
            size, kept, tmp, f = 0, [], None, None
            if a['mode'] == 'fetch':
                dest = a['dest']
                fd, tmp = tempfile.mkstemp(dir=os.path.dirname(dest), prefix='.' + os.path.basename(dest) + '.', suffix='.lvsplay.tmp')
                f = os.fdopen(fd, 'wb')
            try:
                while True:
                    block = r.read(65536)
                    if not block:
                        break
                    size += len(block)
                    for d in digests.values():
                        d.update(block)
                    if f:
                        f.write(block)
                    elif a['mode'] == 'text' and size <= 1048576:
                        kept.append(block)
            except Exception as e:
                if tmp:
                    os.remove(tmp)
                out(status=-1, msg='failed to read the response: %s' % e, url=a['url'])
            answer = dict(status=status, msg='OK (%s bytes)' % r.headers.get('Content-Length', 'unknown'),
                          url=r.geturl(), disposition=r.headers.get('content-disposition'), size=size,
                          digests=dict((n, d.hexdigest()) for n, d in digests.items()))
            if a['mode'] == 'text':
                answer['text'] = b''.join(kept).decode('utf-8', 'replace')
            if not f:
                out(**answer)
            f.close()
            try:
                want = a.get('checksum')
                if want and answer['digests'][a['algorithm']] != want:
                    os.remove(tmp)
                    out(error='The checksum for %s did not match %s; it was %s.' % (dest, want, answer['digests'][a['algorithm']]))
                if os.path.exists(dest):
                    st = os.stat(dest)
                    if a['backup']:
                        answer['backup_file'] = '%s.%s.%s' % (dest, os.getpid(), time.strftime('%Y-%m-%d@%H:%M:%S~'))
                        shutil.copy2(dest, answer['backup_file'])
                    os.chmod(tmp, st.st_mode & 0o7777)
                    try:
                        os.chown(tmp, st.st_uid, st.st_gid)
                    except OSError:
                        pass
                else:
                    umask = os.umask(0)
                    os.umask(umask)
                    os.chmod(tmp, 0o666 & ~umask)
                if a.get('owner') or a.get('group'):
                    def uid(n):
                        return int(n) if n.isdigit() else pwd.getpwnam(n).pw_uid
                    def gid(n):
                        return int(n) if n.isdigit() else grp.getgrnam(n).gr_gid
                    os.chown(tmp, uid(a['owner']) if a.get('owner') else -1, gid(a['group']) if a.get('group') else -1)
                if a.get('file_mode'):
                    os.chmod(tmp, int(a['file_mode'], 8))
                os.rename(tmp, dest)
            except SystemExit:
                raise
            except Exception as e:
                if os.path.exists(tmp):
                    os.remove(tmp)
                out(error='failed to copy %s to %s: %s' % (tmp, dest, e))
            out(**answer)
            """;
}
