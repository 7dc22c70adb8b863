using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using MailKit;
using MailKit.Net.Imap;
using MailKit.Search;
using MailKit.Security;
using MimeKit;
using SalesOS.Outreach.Ports;

namespace SalesOS.Testing.Mail;

/// <summary>
/// Real mail servers for the tests, from Debian's packages: a private Dovecot (IMAP with IDLE, LMTP, SASL for
/// Postfix) and a private Postfix (SMTP) in a temporary folder, on free ports of 127.0.0.1, with STARTTLS on a
/// certificate made for this run. Postfix delivers every message for a registered user to Dovecot over LMTP,
/// rejects unknown recipients at RCPT time, and relays nowhere else. Like Gmail, every message accepted from a
/// user's address also lands in that user's "Sent" folder (\Sent special use). A second IMAP listener, on
/// 127.0.0.2 (Dovecot filters settings by local address, not by port), leaves IDLE out of its capabilities so
/// polling can be tested.
/// The servers run under a supervisor shell that stops them and deletes the folder when its standard input
/// closes, so nothing outlives the test process, however it ends. Dovecot and Postfix need root: as root they
/// start directly, otherwise through passwordless sudo. ./tests/run installs the packages.
/// </summary>
public sealed class MailServers : IAsyncDisposable
{
    /// <summary>The local address of the IMAP listener without IDLE (still loopback).</summary>
    public const string NoIdleHost = "127.0.0.2";

    private const string Host = "127.0.0.1";

    // Everything Dovecot 2.3 announces after login except IDLE.
    private const string CapabilitiesWithoutIdle =
        "IMAP4rev1 SASL-IR LOGIN-REFERRALS ID ENABLE SORT SORT=DISPLAY THREAD=REFERENCES THREAD=REFS " +
        "THREAD=ORDEREDSUBJECT MULTIAPPEND URL-PARTIAL CATENATE UNSELECT CHILDREN NAMESPACE UIDPLUS LIST-EXTENDED " +
        "I18NLEVEL=1 CONDSTORE QRESYNC ESEARCH ESORT SEARCHRES WITHIN CONTEXT=SEARCH LIST-STATUS BINARY MOVE " +
        "SNIPPET=FUZZY PREVIEW=FUZZY PREVIEW STATUS=SIZE SAVEDATE LITERAL+ NOTIFY SPECIAL-USE";

    // Runs as root: prepares the folders the servers own and starts both in the foreground. On EOF of its input
    // (the test process closed it, or died) it stops them, kills what lingers and deletes the folder; when a
    // server stops by itself it does the same, after printing the logs for the test to show.
    private const string SupervisorScript = """
        set -u
        root="$1"; dovecot_conf="$2"; postfix_conf="$3"
        install -d -o root -g root -m 0755 "$root/postfix/queue"
        install -d -o postfix -g postfix -m 0700 "$root/postfix/data"
        install -d -o mail -g mail -m 0700 "$root/mail"
        dovecot -F -c "$dovecot_conf" >>"$root/dovecot.out" 2>&1 &
        dovecot_pid=$!
        postfix -c "$postfix_conf" start-fg >>"$root/postfix.out" 2>&1 &
        postfix_pid=$!
        ( while kill -0 "$dovecot_pid" 2>/dev/null && kill -0 "$postfix_pid" 2>/dev/null; do sleep 0.2; done
          kill -USR1 $$ 2>/dev/null ) </dev/null &
        watcher_pid=$!
        status=0
        shutdown() {
          trap - EXIT TERM INT HUP USR1
          kill "$watcher_pid" 2>/dev/null
          if [ "$status" -ne 0 ]; then
            echo "a mail server stopped by itself:"
            for log in dovecot.out dovecot/dovecot.log postfix.out postfix/postfix.log; do
              [ -f "$root/$log" ] && { echo "--- $log"; tail -n 40 "$root/$log"; }
            done
          fi
          postfix -c "$postfix_conf" stop >/dev/null 2>&1
          kill -TERM "$dovecot_pid" 2>/dev/null
          for _ in $(seq 100); do
            if ! kill -0 "$dovecot_pid" 2>/dev/null && ! kill -0 "$postfix_pid" 2>/dev/null; then break; fi
            sleep 0.1
          done
          master=$(cat "$root/postfix/queue/pid/master.pid" 2>/dev/null | tr -d ' ')
          if [ -n "$master" ]; then kill -KILL "$master" 2>/dev/null; fi
          kill -KILL "$dovecot_pid" "$postfix_pid" 2>/dev/null
          wait 2>/dev/null
          case "$root" in */salesos-mail-*) rm -rf -- "$root" ;; esac
          exit "$status"
        }
        trap shutdown EXIT TERM INT HUP
        trap 'status=1; shutdown' USR1
        echo started
        read -r _ || true
        """;

    private readonly string root = Path.Combine(Directory.Exists("/dev/shm") ? "/dev/shm" : Path.GetTempPath(), $"salesos-mail-{Guid.NewGuid():N}"[..26]);
    private readonly ConcurrentDictionary<string, string> users = new(StringComparer.OrdinalIgnoreCase);
    private readonly Lock usersFiles = new();
    private readonly StringBuilder supervisorOutput = new();
    private readonly int smtpPort = FreePorts.Next();
    private readonly int imapPort = FreePorts.Next();
    private readonly int imapNoIdlePort = FreePorts.Next();
    private readonly int lmtpPort = FreePorts.Next();
    private readonly int authPort = FreePorts.Next();
    private PostfixSocketmap? tables;
    private string? certificateThumbprint;
    private Process? supervisor;
    private int disposed;

    private MailServers()
    {
    }

    /// <summary>Where Dovecot and Postfix keep their configuration, queue, mail and logs for this run.</summary>
    public string RootDirectory => root;

    /// <summary>Postfix's SMTP listener: STARTTLS with the run's self-signed certificate, no credentials needed.</summary>
    public MailServerEndpoint SmtpEndpoint => new()
    {
        Host = Host,
        Port = smtpPort,
        Security = MailSecurity.StartTls,
        AcceptInvalidCertificates = true,
        Timeout = TimeSpan.FromSeconds(30),
    };

    public int SmtpPort => smtpPort;

    /// <summary>A certificate check for raw MailKit clients in tests: trusts exactly this run's certificate.</summary>
    public bool IsRunCertificate(X509Certificate? certificate) =>
        certificate is not null && string.Equals(certificate.GetCertHashString(), certificateThumbprint, StringComparison.OrdinalIgnoreCase);

    public IReadOnlyCollection<string> Users => [.. users.Keys];

    /// <summary>Starts both servers and returns once each answers its greeting.</summary>
    public static async Task<MailServers> StartAsync(CancellationToken cancellationToken = default)
    {
        var servers = new MailServers();
        try
        {
            await servers.StartServersAsync(cancellationToken);
            return servers;
        }
        catch
        {
            await servers.DisposeAsync();
            throw;
        }
    }

    /// <summary>Adds a mailbox (before or after start): Postfix takes mail for it and its domain, Dovecot lets it log in.</summary>
    public MailServers AddUser(string address, string password)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(address);
        ArgumentNullException.ThrowIfNull(password);
        var at = address.IndexOf('@', StringComparison.Ordinal);
        if (at <= 0 || at == address.Length - 1 || address.IndexOfAny([':', ' ', '/', '\n', '\r', '+']) >= 0)
        {
            throw new ArgumentException($"'{address}' is not a plain local@domain address", nameof(address));
        }

        if (password.IndexOfAny([':', '\n', '\r']) >= 0)
        {
            throw new ArgumentException("The passwd-file format cannot hold ':' or line breaks in a password", nameof(password));
        }

        address = address.ToLowerInvariant();
        users[address] = password;
        WriteUserFile(address, password);
        return this;
    }

    /// <summary>Dovecot's IMAP listener (with IDLE) for this user, STARTTLS, the run's certificate accepted.</summary>
    public MailServerEndpoint ImapEndpoint(string address) => ImapEndpointAt(Host, imapPort, address);

    /// <summary>The IMAP listener whose capabilities lack IDLE, on <see cref="NoIdleHost"/>.</summary>
    public MailServerEndpoint ImapEndpointWithoutIdle(string address) => ImapEndpointAt(NoIdleHost, imapNoIdlePort, address);

    /// <summary>IMAP APPEND as that user (for dropping in replies and bounces); creates the folder when missing. Returns the new UID.</summary>
    public async Task<uint?> AppendAsync(string address, string folder, byte[] raw, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(raw);
        using var client = await LoginAsync(address, cancellationToken);
        var target = await FolderAsync(client, folder, create: true, cancellationToken);
        using var stream = new MemoryStream(raw, writable: false);
        var message = await MimeMessage.LoadAsync(stream, cancellationToken);
        var uid = await target!.AppendAsync(new AppendRequest(message), cancellationToken);
        await client.DisconnectAsync(quit: true, cancellationToken);
        return uid?.Id;
    }

    /// <summary>Every message in that user's folder as stored, in UID order (read-only: nothing is marked read).</summary>
    public async Task<IReadOnlyList<byte[]>> ReadAllAsync(string address, string folder, CancellationToken cancellationToken = default)
    {
        using var client = await LoginAsync(address, cancellationToken);
        var source = await FolderAsync(client, folder, create: false, cancellationToken);
        if (source is null)
        {
            return [];
        }

        await source.OpenAsync(FolderAccess.ReadOnly, cancellationToken);
        var uids = await source.SearchAsync(SearchQuery.All, cancellationToken);
        var messages = new List<byte[]>(uids.Count);
        foreach (var uid in uids.OrderBy(u => u.Id))
        {
            using var body = await source.GetStreamAsync(uid, "", cancellationToken);
            using var copy = new MemoryStream();
            await body.CopyToAsync(copy, cancellationToken);
            messages.Add(copy.ToArray());
        }

        await client.DisconnectAsync(quit: true, cancellationToken);
        return messages;
    }

    /// <summary>How many messages that user's folder holds (IMAP STATUS), without reading them.</summary>
    public async Task<int> CountAsync(string address, string folder, CancellationToken cancellationToken = default)
    {
        using var client = await LoginAsync(address, cancellationToken);
        var source = await FolderAsync(client, folder, create: false, cancellationToken);
        if (source is null)
        {
            return 0;
        }

        await source.StatusAsync(StatusItems.Count, cancellationToken);
        await client.DisconnectAsync(quit: true, cancellationToken);
        return source.Count;
    }

    /// <summary>
    /// Gives a user's folder a new UIDVALIDITY (doveadm mailbox update), as a server does when it rebuilds a mailbox:
    /// every UID a client remembered means nothing afterwards.
    /// </summary>
    public async Task ChangeUidValidityAsync(string address, string folder, uint uidValidity)
    {
        var (fileName, arguments) = await LauncherAsync();
        await ProcessRunner.RunAsync(fileName, [.. arguments, "-c",
            "doveadm -c \"$1\" mailbox update --uid-validity \"$2\" -u \"$3\" \"$4\"", "doveadm",
            Path.Combine(root, "dovecot", "dovecot.conf"), uidValidity.ToString(CultureInfo.InvariantCulture), address, folder], TimeSpan.FromSeconds(30));
    }

    /// <summary>The servers' own logs (Dovecot, Postfix) and the supervisor's output: what a failing test prints.</summary>
    public string Diagnostics()
    {
        var text = new StringBuilder();
        foreach (var log in new[] { "dovecot/dovecot.log", "dovecot.out", "postfix/postfix.log", "postfix.out" })
        {
            var path = Path.Combine(root, log);
            if (!File.Exists(path))
            {
                continue;
            }

            try
            {
                var lines = File.ReadAllLines(path);
                text.AppendLine(CultureInfo.InvariantCulture, $"--- {log} (last 40 lines)");
                foreach (var line in lines.TakeLast(40))
                {
                    text.AppendLine(line);
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"--- {log}: {e.Message}");
            }
        }

        lock (supervisorOutput)
        {
            text.AppendLine("--- supervisor").Append(supervisorOutput);
        }

        return text.ToString();
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref disposed, 1) == 1)
        {
            return;
        }

        AppDomain.CurrentDomain.ProcessExit -= StopOnProcessExit;
        if (supervisor is { } process)
        {
            await StopSupervisorAsync(process, TimeSpan.FromSeconds(20));
            process.Dispose();
        }

        if (tables is not null)
        {
            await tables.DisposeAsync();
        }

        // The supervisor deletes the folder as root; this covers a start that failed before it ran.
        try
        {
            if (Directory.Exists(root))
            {
                Directory.Delete(root, recursive: true);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }
    }

    private async Task StartServersAsync(CancellationToken cancellationToken)
    {
        var launcher = await LauncherAsync();
        foreach (var program in new[] { "/usr/sbin/dovecot", "/usr/lib/dovecot/imap", "/usr/lib/dovecot/lmtp", "/usr/sbin/postfix" })
        {
            if (!File.Exists(program))
            {
                throw new InvalidOperationException(
                    $"{program} is missing: the mail tests need Dovecot (dovecot-imapd, dovecot-lmtpd) and Postfix from " +
                    "Debian's packages. Run the test command from the README (./tests/run installs them).");
            }
        }

        Directory.CreateDirectory(root, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute |
            UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        Directory.CreateDirectory(Path.Combine(root, "dovecot"));
        Directory.CreateDirectory(Path.Combine(root, "postfix", "conf"));
        tables = new PostfixSocketmap(Lookup);
        WriteCertificate();
        foreach (var (address, password) in users)
        {
            WriteUserFile(address, password);
        }
        await File.WriteAllTextAsync(Path.Combine(root, "dovecot", "dovecot.conf"), DovecotConfiguration(), cancellationToken);
        await File.WriteAllTextAsync(Path.Combine(root, "postfix", "conf", "main.cf"), PostfixMainConfiguration(tables), cancellationToken);
        await File.WriteAllTextAsync(Path.Combine(root, "postfix", "conf", "master.cf"), PostfixServices(), cancellationToken);

        var info = new ProcessStartInfo(launcher.FileName)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in launcher.Arguments)
        {
            info.ArgumentList.Add(argument);
        }

        foreach (var argument in new[] { "-c", SupervisorScript, "salesos-mail-supervisor", root, Path.Combine(root, "dovecot", "dovecot.conf"), Path.Combine(root, "postfix", "conf") })
        {
            info.ArgumentList.Add(argument);
        }

        supervisor = Process.Start(info) ?? throw new InvalidOperationException("Could not start the mail server supervisor");
        supervisor.OutputDataReceived += (_, e) => KeepOutput(e.Data);
        supervisor.ErrorDataReceived += (_, e) => KeepOutput(e.Data);
        supervisor.BeginOutputReadLine();
        supervisor.BeginErrorReadLine();
        AppDomain.CurrentDomain.ProcessExit += StopOnProcessExit;

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(TimeSpan.FromSeconds(60));
        async Task GreetedAsync(string host, int port, string greeting)
        {
            try
            {
                await WaitForGreetingAsync(host, port, greeting, deadline.Token);
            }
            catch (InvalidOperationException)
            {
                // The servers are gone: the other listeners need not be waited for.
                await deadline.CancelAsync();
                throw;
            }
        }

        try
        {
            await Task.WhenAll(
                GreetedAsync(Host, imapPort, "* OK"),
                GreetedAsync(NoIdleHost, imapNoIdlePort, "* OK"),
                GreetedAsync(Host, lmtpPort, "220"),
                GreetedAsync(Host, smtpPort, "220"));
        }
        catch (OperationCanceledException) when (supervisor.HasExited && !cancellationToken.IsCancellationRequested)
        {
            throw new InvalidOperationException($"The mail servers stopped while starting (exit {supervisor.ExitCode}).\n" + Diagnostics());
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException("Dovecot and Postfix did not answer within 60 s.\n" + Diagnostics());
        }
    }

    private async Task WaitForGreetingAsync(string host, int port, string greeting, CancellationToken cancellationToken)
    {
        while (true)
        {
            if (supervisor!.HasExited)
            {
                throw new InvalidOperationException($"The mail servers stopped while starting (exit {supervisor.ExitCode}).\n" + Diagnostics());
            }

            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Parse(host), port, cancellationToken);
                using var reader = new StreamReader(client.GetStream(), Encoding.ASCII);
                using var attempt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                attempt.CancelAfter(TimeSpan.FromSeconds(10));
                var line = await reader.ReadLineAsync(attempt.Token);
                if (line is not null && line.StartsWith(greeting, StringComparison.Ordinal))
                {
                    return;
                }
            }
            catch (Exception e) when (e is SocketException or IOException || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
            {
                // Not listening yet, or the greeting did not come: ask again shortly.
            }

            await Task.Delay(50, cancellationToken);
        }
    }

    private static async Task<(string FileName, string[] Arguments)> LauncherAsync()
    {
        if (Environment.UserName == "root")
        {
            return ("bash", []);
        }

        try
        {
            await ProcessRunner.RunAsync("sudo", ["-n", "true"], TimeSpan.FromSeconds(10));
            return ("sudo", ["-n", "bash"]);
        }
        catch (Exception e) when (e is InvalidOperationException or TimeoutException or System.ComponentModel.Win32Exception)
        {
            throw new InvalidOperationException(
                "The mail tests run Dovecot and Postfix, which need root: run them as root (as CI does) or as a user " +
                "with passwordless sudo (sudo -n true must succeed).", e);
        }
    }

    private string? Lookup(string map, string key)
    {
        key = key.ToLowerInvariant();
        switch (map)
        {
            case "domains":
                return users.Keys.Any(u => u.EndsWith("@" + key, StringComparison.Ordinal)) ? key : null;
            case "mailboxes":
                return users.ContainsKey(key) ? key : null;
            case "sentcopies":
                // Gmail keeps what a user sends in their Sent folder; here Dovecot files user+Sent into "Sent".
                if (!users.ContainsKey(key))
                {
                    return null;
                }

                var at = key.IndexOf('@', StringComparison.Ordinal);
                return key[..at] + "+Sent" + key[at..];
            default:
                return null;
        }
    }

    private MailServerEndpoint ImapEndpointAt(string host, int port, string address) => new()
    {
        Host = host,
        Port = port,
        Security = MailSecurity.StartTls,
        Username = address,
        Password = users.TryGetValue(address, out var password)
            ? password
            : throw new InvalidOperationException($"{address} is not a user of these mail servers (AddUser first)"),
        AcceptInvalidCertificates = true,
        Timeout = TimeSpan.FromSeconds(30),
    };

    private async Task<ImapClient> LoginAsync(string address, CancellationToken cancellationToken)
    {
        var endpoint = ImapEndpoint(address);
        var client = new ImapClient { Timeout = (int)endpoint.Timeout.TotalMilliseconds };
        // Trust exactly this run's certificate.
        client.ServerCertificateValidationCallback = (_, certificate, _, _) => IsRunCertificate(certificate);
        try
        {
            await client.ConnectAsync(endpoint.Host, endpoint.Port, SecureSocketOptions.StartTls, cancellationToken);
            await client.AuthenticateAsync(endpoint.Username!, endpoint.Password!, cancellationToken);
            return client;
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    private static async Task<IMailFolder?> FolderAsync(ImapClient client, string name, bool create, CancellationToken cancellationToken)
    {
        if (string.Equals(name, "INBOX", StringComparison.OrdinalIgnoreCase))
        {
            return client.Inbox;
        }

        try
        {
            return await client.GetFolderAsync(name, cancellationToken);
        }
        catch (FolderNotFoundException) when (create)
        {
            var personal = client.GetFolder(client.PersonalNamespaces[0]);
            return await personal.CreateAsync(name, isMessageFolder: true, cancellationToken);
        }
        catch (FolderNotFoundException)
        {
            return null;
        }
    }

    // One passwd-file per user: Dovecot checks a file it has read for changes at most once a second, but
    // opens a file it has not read yet on the spot, so a user added a moment ago can log in at once.
    private void WriteUserFile(string address, string password)
    {
        if (!Directory.Exists(Path.Combine(root, "dovecot")))
        {
            return;
        }

        var at = address.IndexOf('@', StringComparison.Ordinal);
        var folder = Path.Combine(root, "dovecot", "users", address[(at + 1)..]);
        var path = Path.Combine(folder, address[..at]);
        lock (usersFiles)
        {
            Directory.CreateDirectory(folder);
            File.WriteAllText(path + ".tmp", $"{address}:{{PLAIN}}{password}\n");
            File.Move(path + ".tmp", path, overwrite: true);
        }
    }

    private void WriteCertificate()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=localhost", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName("localhost");
        names.AddIpAddress(IPAddress.Loopback);
        names.AddIpAddress(IPAddress.Parse(NoIdleHost));
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, false));
        var now = DateTimeOffset.UtcNow;
        using var certificate = request.CreateSelfSigned(now.AddDays(-1), now.AddDays(7));
        certificateThumbprint = certificate.GetCertHashString();
        File.WriteAllText(Path.Combine(root, "cert.pem"), certificate.ExportCertificatePem());
        File.WriteAllText(Path.Combine(root, "key.pem"), key.ExportPkcs8PrivateKeyPem());
        File.SetUnixFileMode(Path.Combine(root, "key.pem"), UnixFileMode.UserRead | UnixFileMode.UserWrite);
    }

    private string DovecotConfiguration()
    {
        var dh = File.Exists("/usr/share/dovecot/dh.pem") ? "ssl_dh = </usr/share/dovecot/dh.pem" : "";
        return string.Create(CultureInfo.InvariantCulture, $$"""
            # A private Dovecot for one test run (SalesOS.Testing.Mail.MailServers).
            base_dir = {{root}}/dovecot/run
            state_dir = {{root}}/dovecot/state
            instance_name = {{Path.GetFileName(root)}}
            log_path = {{root}}/dovecot/dovecot.log
            protocols = imap lmtp
            listen = {{Host}}
            ssl = yes
            ssl_cert = <{{root}}/cert.pem
            ssl_key = <{{root}}/key.pem
            {{dh}}
            ssl_min_protocol = TLSv1.2
            disable_plaintext_auth = no
            auth_mechanisms = plain login
            auth_username_format = %Lu
            auth_failure_delay = 0
            mail_location = maildir:{{root}}/mail/%d/%n
            mail_uid = mail
            mail_gid = mail
            first_valid_uid = 8
            first_valid_gid = 8
            mail_fsync = never
            mailbox_idle_check_interval = 1 secs
            default_internal_user = dovecot
            default_login_user = dovenull
            passdb {
              driver = passwd-file
              args = scheme=PLAIN {{root}}/dovecot/users/%Ld/%Ln
            }
            userdb {
              driver = static
              args = uid=mail gid=mail home={{root}}/mail/%d/%n
            }
            namespace inbox {
              inbox = yes
              separator = /
              mailbox Sent {
                special_use = \Sent
                auto = subscribe
              }
            }
            recipient_delimiter = +
            lmtp_save_to_detail_mailbox = yes
            lda_mailbox_autocreate = yes
            postmaster_address = postmaster@salesos.test
            service imap-login {
              inet_listener imap {
                address = {{Host}}
                port = {{imapPort}}
              }
              inet_listener imap_without_idle {
                address = {{NoIdleHost}}
                port = {{imapNoIdlePort}}
              }
              inet_listener imaps {
                port = 0
              }
            }
            service lmtp {
              inet_listener lmtp {
                address = {{Host}}
                port = {{lmtpPort}}
              }
              unix_listener lmtp {
                mode = 0
              }
            }
            service auth {
              inet_listener postfix {
                address = {{Host}}
                port = {{authPort}}
              }
            }
            local {{NoIdleHost}} {
              protocol imap {
                imap_capability = {{CapabilitiesWithoutIdle}}
              }
            }

            """);
    }

    private string PostfixMainConfiguration(PostfixSocketmap lookups) => string.Create(CultureInfo.InvariantCulture, $"""
        # A private Postfix for one test run (SalesOS.Testing.Mail.MailServers): loopback only, delivers to the
        # run's Dovecot over LMTP, relays nowhere and asks no DNS.
        compatibility_level = 3.6
        queue_directory = {root}/postfix/queue
        data_directory = {root}/postfix/data
        mail_owner = postfix
        setgid_group = postdrop
        maillog_file = {root}/postfix/postfix.log
        maillog_file_prefixes = {root}
        myhostname = mail.salesos.test
        mydomain = salesos.test
        myorigin = mail.salesos.test
        mydestination =
        inet_interfaces = {Host}
        inet_protocols = ipv4
        mynetworks = {Host}/32
        relayhost =
        relay_domains =
        default_transport = error:5.7.1 the SalesOS test server relays nowhere
        relay_transport = error:5.7.1 the SalesOS test server relays nowhere
        local_transport = error:5.1.1 the SalesOS test server has no local mailboxes
        alias_maps =
        alias_database =
        virtual_alias_maps =
        virtual_mailbox_domains = {lookups.Table("domains")}
        virtual_mailbox_maps = {lookups.Table("mailboxes")}
        virtual_transport = lmtp:inet:{Host}:{lmtpPort}
        sender_bcc_maps = {lookups.Table("sentcopies")}
        recipient_delimiter = +
        smtpd_relay_restrictions = reject_unauth_destination
        smtpd_recipient_restrictions =
        smtpd_sasl_auth_enable = yes
        smtpd_sasl_type = dovecot
        smtpd_sasl_path = inet:{Host}:{authPort}
        smtp_dns_support_level = disabled
        lmtp_dns_support_level = disabled
        smtpd_peername_lookup = no
        biff = no
        append_dot_mydomain = no
        smtputf8_enable = no
        in_flow_delay = 0s
        smtpd_error_sleep_time = 0s
        notify_classes =
        smtpd_tls_cert_file = {root}/cert.pem
        smtpd_tls_key_file = {root}/key.pem
        smtpd_tls_security_level = may
        smtpd_tls_session_cache_database =
        smtp_tls_security_level = none
        lmtp_tls_security_level = none
        message_size_limit = 26214400

        """);

    private string PostfixServices() => string.Create(CultureInfo.InvariantCulture, $"""
        # service type private unpriv chroot wakeup maxproc command
        {Host}:{smtpPort} inet n - n - - smtpd
        cleanup   unix n - n - 0 cleanup
        qmgr      unix n - n 300 1 qmgr
        tlsmgr    unix - - n 1000? 1 tlsmgr
        rewrite   unix - - n - - trivial-rewrite
        bounce    unix - - n - 0 bounce
        defer     unix - - n - 0 bounce
        trace     unix - - n - 0 bounce
        verify    unix - - n - 1 verify
        flush     unix n - n 1000? 0 flush
        proxymap  unix - - n - - proxymap
        lmtp      unix - - n - - lmtp
        error     unix - - n - - error
        retry     unix - - n - - error
        discard   unix - - n - - discard
        anvil     unix - - n - 1 anvil
        scache    unix - - n - 1 scache
        postlog   unix-dgram n - n - 1 postlogd

        """);

    private void KeepOutput(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (supervisorOutput)
        {
            supervisorOutput.AppendLine(line);
        }
    }

    private void StopOnProcessExit(object? sender, EventArgs e)
    {
        if (supervisor is { } process && Interlocked.Exchange(ref disposed, 1) == 0)
        {
            StopSupervisorAsync(process, TimeSpan.FromSeconds(5)).GetAwaiter().GetResult();
        }
    }

    private static async Task StopSupervisorAsync(Process process, TimeSpan patience)
    {
        try
        {
            // Closing its input is the supervisor's signal to stop the servers and delete the folder.
            process.StandardInput.Close();
        }
        catch (Exception e) when (e is IOException or InvalidOperationException)
        {
        }

        using var wait = new CancellationTokenSource(patience);
        try
        {
            await process.WaitForExitAsync(wait.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }
}
