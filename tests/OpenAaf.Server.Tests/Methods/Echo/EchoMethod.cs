using System.Security.Cryptography;
using System.Text;
using OpenAaf.Core.Methods;
using OpenAaf.Core.Users;

namespace OpenAaf.Server.Tests.Methods.Echo;

/// <summary>The logon side of ECHO:1: every user has it (auto-created) and passes with the word of the policy.</summary>
public sealed class EchoMethod : IAuthenticationMethod
{
    public string Id => EchoDescriptor.Id;

    public bool IsAutoCreatedFor(AuthenticatedUser user) => true;

    public ValueTask<MethodStep> AnswerAsync(MethodContext context, MethodInput input, CancellationToken cancellationToken)
    {
        if (input.GetString("answer") is not { } answer) return ValueTask.FromResult<MethodStep>(new MethodStep.MoreData(EchoOutcomes.EchoRequired, null));
        var word = context.Policies.Method<EchoMethodOptions>().Word;
        var same = CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(answer), Encoding.UTF8.GetBytes(word));
        return ValueTask.FromResult<MethodStep>(same ? new MethodStep.Passed(context.Templates[0]) : new MethodStep.Failed(EchoOutcomes.EchoWrong));
    }
}
