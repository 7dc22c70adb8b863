using System.Globalization;
using System.Net.Sockets;
using MailKit;
using MailKit.Security;
using SalesOS.Outreach.Ports;
using MailKitAuthenticationException = MailKit.Security.AuthenticationException;
using TlsAuthenticationException = System.Security.Authentication.AuthenticationException;

namespace SalesOS.Integrations.Mail;

/// <summary>What the SMTP and IMAP connectors share: connecting a MailKit client to an endpoint and explaining failures to an operator.</summary>
internal static class MailEndpoints
{
    /// <summary>"smtp.example.com:587 (STARTTLS)".</summary>
    public static string Describe(MailServerEndpoint endpoint) => string.Create(CultureInfo.InvariantCulture, $"{endpoint.Host}:{endpoint.Port} ({endpoint.Security switch
    {
        MailSecurity.None => "plain",
        MailSecurity.StartTls => "STARTTLS",
        MailSecurity.SslOnConnect => "TLS",
        _ => "STARTTLS when offered",
    }})");

    public static TimeSpan TimeoutOf(MailServerEndpoint endpoint, MailOptions options) =>
        endpoint.Timeout > TimeSpan.Zero ? endpoint.Timeout : options.DefaultTimeout;

    /// <summary>Connects (with the endpoint's security) and logs in when it has a user name, all within the endpoint's timeout.</summary>
    public static async Task ConnectAsync(MailService client, MailServerEndpoint endpoint, MailOptions options, CancellationToken cancellationToken)
    {
        var timeout = TimeoutOf(endpoint, options);
        client.Timeout = (int)Math.Min(int.MaxValue, timeout.TotalMilliseconds);
        if (endpoint.AcceptInvalidCertificates)
        {
#pragma warning disable CA5359 // Accepting any certificate is what AcceptInvalidCertificates asks for (self-signed test servers only).
            client.ServerCertificateValidationCallback = (_, _, _, _) => true;
#pragma warning restore CA5359
            // A self-signed test server has nothing to revoke, and asking would reach out to the internet.
            client.CheckCertificateRevocation = false;
        }

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            await client.ConnectAsync(endpoint.Host, endpoint.Port, SocketOptions(endpoint.Security), deadline.Token).ConfigureAwait(false);
            if (!string.IsNullOrEmpty(endpoint.Username))
            {
                // LOGIN carries the same password as PLAIN: after PLAIN failed it would only add a second failure
                // towards the server's lockout (and wait out its penalty).
                if (client.AuthenticationMechanisms.Contains("PLAIN"))
                {
                    client.AuthenticationMechanisms.Remove("LOGIN");
                }

                await client.AuthenticateAsync(endpoint.Username, endpoint.Password ?? "", deadline.Token).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException(string.Create(CultureInfo.InvariantCulture, $"no answer within {timeout.TotalSeconds:0.#} s while connecting and logging in"));
        }
    }

    public static SecureSocketOptions SocketOptions(MailSecurity security) => security switch
    {
        MailSecurity.None => SecureSocketOptions.None,
        MailSecurity.StartTls => SecureSocketOptions.StartTls,
        MailSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
        _ => SecureSocketOptions.Auto,
    };

    /// <summary>A failure of the connection or the server, as opposed to a bug: the kind a later try may not meet.</summary>
    public static bool IsTransportFailure(Exception e) => e is IOException or SocketException or TimeoutException
        or SslHandshakeException or MailKitAuthenticationException or TlsAuthenticationException
        or ProtocolException or ServiceNotConnectedException or ServiceNotAuthenticatedException
        or CommandException or NotSupportedException;

    /// <summary>One sentence an operator can act on: what failed, where, and the cause.</summary>
    public static string Explain(Exception e, MailServerEndpoint endpoint)
    {
        var where = Describe(endpoint);
        return e switch
        {
            SslHandshakeException tls => $"TLS with {where} failed: {TlsReason(tls)}",
            TlsAuthenticationException tls => $"TLS with {where} failed: {tls.Message}",
            MailKitAuthenticationException => $"authentication as {endpoint.Username} at {where} failed: {FirstSentence(e.Message)}",
            NotSupportedException when endpoint.Security == MailSecurity.StartTls => $"TLS with {where} failed: {FirstSentence(e.Message)}",
            SocketException socket => $"could not connect to {where}: {SocketReason(socket)}",
            TimeoutException => $"{where} timed out: {FirstSentence(e.Message)}",
            IOException { InnerException: SocketException socket } => $"connection to {where} broke: {SocketReason(socket)}",
            IOException when e.InnerException is TimeoutException => $"{where} timed out: {FirstSentence(e.InnerException.Message)}",
            ServiceNotConnectedException or ProtocolException or IOException => $"connection to {where} broke: {FirstSentence(e.Message)}",
            _ => $"{where}: {FirstSentence(e.Message)}",
        };
    }

    private static string TlsReason(SslHandshakeException e)
    {
        // MailKit's own message is a page of advice; the certificate it saw says what is wrong.
        if (e.ServerCertificate is { } certificate)
        {
            var selfSigned = string.Equals(certificate.Subject, certificate.Issuer, StringComparison.Ordinal);
            return selfSigned
                ? $"the server's certificate ({certificate.Subject}) is self-signed and not trusted"
                : $"the server's certificate ({certificate.Subject}, issued by {certificate.Issuer}) is not trusted";
        }

        var inner = e.InnerException?.Message;
        return string.IsNullOrWhiteSpace(inner) ? FirstSentence(e.Message) : FirstSentence(inner);
    }

    private static string SocketReason(SocketException e) => e.SocketErrorCode switch
    {
        SocketError.ConnectionRefused => "connection refused (nothing listening)",
        SocketError.ConnectionReset => "connection reset by the server",
        SocketError.TimedOut => "timed out",
        SocketError.HostNotFound or SocketError.NoData => "host not found",
        SocketError.HostUnreachable or SocketError.NetworkUnreachable => "host unreachable",
        _ => e.Message,
    };

    private static string FirstSentence(string message)
    {
        var line = message.Split('\n', 2)[0].Trim();
        return line.Length <= 300 ? line : line[..300];
    }
}
