using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using SalesOS.Contracts.Workspaces;
using SalesOS.Testing;

namespace SalesOS.Tests.Gateway;

/// <summary>Contacts through the gateway: deduplication, states, the read model, and the GDPR rights of access and erasure.</summary>
[Collection(GatewayCollection.Name)]
public sealed class ContactApiTests(GatewayFixture fixture)
{
    [Fact]
    public async Task Contacts_DeduplicateByEmail_MoveThroughTheirStates_AndAreListed()
    {
        var (workspace, client, _) = await fixture.CreateWorkspaceAsync("ct");
        var created = await client.PostAsJsonAsync($"/api/workspaces/{workspace}/contacts", new { email = " Jane.Doe@Acme.COM ", firstName = "Jane", title = "VP Sales", companyDomain = "www.acme.com", lawfulBasis = "legitimate interest: B2B prospecting", buyingAuthority = 0.8, emailVerification = "valid: MX and mailbox accepted" });
        var merged = await client.PostAsJsonAsync($"/api/workspaces/{workspace}/contacts", new { email = "jane.doe@acme.com", lastName = "Doe", source = "apollo" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(HttpStatusCode.OK, merged.StatusCode);
        var contact = await merged.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("email:jane.doe@acme.com", contact.GetProperty("identity").GetString());
        Assert.Equal("Doe", contact.GetProperty("lastName").GetString());
        Assert.Equal("acme.com", contact.GetProperty("companyDomain").GetString());
        Assert.Equal(0.8, contact.GetProperty("buyingAuthority").GetDouble());
        Assert.StartsWith("valid", contact.GetProperty("emailVerification").GetString(), StringComparison.Ordinal);
        Assert.Equal("legitimate interest: B2B prospecting", contact.GetProperty("lawfulBasis").GetString());

        var path = $"/api/workspaces/{workspace}/contacts/{Uri.EscapeDataString("email:jane.doe@acme.com")}";
        (await client.PostAsJsonAsync($"{path}/transitions", new { trigger = "Verify" })).EnsureSuccessStatusCode();
        var missingTier = await client.PostAsJsonAsync($"{path}/transitions", new { trigger = "Score" });
        var scored = await client.PostAsJsonAsync($"{path}/transitions", new { trigger = "Score", tier = 1 });
        var illegal = await client.PostAsJsonAsync($"{path}/transitions", new { trigger = "Convert" });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, missingTier.StatusCode);
        Assert.Equal(1, (await scored.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("tier").GetInt32());
        Assert.Equal(HttpStatusCode.Conflict, illegal.StatusCode);

        var listed = await Eventually.Get(
            () => client.GetFromJsonAsync<JsonElement>($"/api/workspaces/{workspace}/contacts?tier=1&search=jane"),
            p => p.GetProperty("items").GetArrayLength() == 1, TimeSpan.FromSeconds(15), "the contact in the read model");
        Assert.Equal("Scored", listed.GetProperty("items")[0].GetProperty("state").GetString());

        var byProfile = await client.PostAsJsonAsync($"/api/workspaces/{workspace}/contacts", new { linkedInUrl = "https://uk.linkedin.com/in/John-Smith-42/?trk=x" });
        var identity = (await byProfile.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("identity").GetString()!;
        Assert.Equal("linkedin:linkedin.com/in/john-smith-42", identity);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri($"/api/workspaces/{workspace}/contacts/{Uri.EscapeDataString(identity)}", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task Erasure_RemovesThePersonEverywhere_AndTheyAreNeverStoredAgain()
    {
        var (workspace, client, _) = await fixture.CreateWorkspaceAsync("ct");
        var email = "forget.me@example.org";
        var path = $"/api/workspaces/{workspace}/contacts/{Uri.EscapeDataString("email:" + email)}";
        (await client.PostAsJsonAsync($"/api/workspaces/{workspace}/contacts", new { email, firstName = "Forget", lastName = "Me", title = "CTO" })).EnsureSuccessStatusCode();
        (await client.PostAsJsonAsync($"{path}/transitions", new { trigger = "Verify", reason = "MX ok" })).EnsureSuccessStatusCode();
        await Eventually.Get(() => client.GetFromJsonAsync<JsonElement>($"/api/workspaces/{workspace}/contacts?search=forget"), p => p.GetProperty("items").GetArrayLength() == 1, TimeSpan.FromSeconds(15), "the contact in the read model");

        var export = await client.GetFromJsonAsync<JsonElement>($"{path}/export");
        Assert.Equal("Forget", export.GetProperty("contact").GetProperty("firstName").GetString());
        Assert.Equal(2, export.GetProperty("timeline").GetArrayLength());

        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync(new Uri(path, UriKind.Relative))).StatusCode);

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri(path, UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri($"{path}/export", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri($"{path}/activities", UriKind.Relative))).StatusCode);
        await Eventually.Get(() => client.GetFromJsonAsync<JsonElement>($"/api/workspaces/{workspace}/contacts?search=forget"), p => p.GetProperty("items").GetArrayLength() == 0, TimeSpan.FromSeconds(15), "the read-model row to be deleted");

        var again = await client.PostAsJsonAsync($"/api/workspaces/{workspace}/contacts", new { email = "Forget.Me@example.org", firstName = "Forget" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, again.StatusCode);
        var workspaceGrain = fixture.Silo.Client.GetGrain<IWorkspaceGrain>(workspace);
        Assert.True(await workspaceGrain.IsSuppressed(email));
        Assert.False(await workspaceGrain.IsSuppressed("someone.else@example.org"));

        // Nothing personal is left in the grain's stored state.
        var stored = await StoredStateTextAsync();
        Assert.DoesNotContain("forget.me", stored, StringComparison.OrdinalIgnoreCase);
    }

    private async Task<string> StoredStateTextAsync()
    {
        var database = Path.Combine(fixture.DataDirectory, "salesos.db");
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={database};Mode=ReadOnly");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT PayloadBinary FROM OrleansStorage WHERE GrainTypeString = 'contact' AND PayloadBinary IS NOT NULL";
        var text = new System.Text.StringBuilder();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            text.Append(System.Text.Encoding.UTF8.GetString((byte[])reader.GetValue(0)));
        }

        return text.ToString();
    }
}
