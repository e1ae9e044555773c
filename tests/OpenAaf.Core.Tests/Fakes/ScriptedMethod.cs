using OpenAaf.Core.Methods;
using OpenAaf.Core.Users;

namespace OpenAaf.Core.Tests.Fakes;

/// <summary>
/// A method whose step is a delegate (auto-created for every user, so it needs no enrollment): it delays, throws or
/// stalls the way a test needs, to stage what a real method does under load or faults.
/// </summary>
public sealed class ScriptedMethod(Func<MethodContext, MethodInput, CancellationToken, ValueTask<MethodStep>> answer, string id = ScriptedMethod.DefaultId)
    : IAuthenticationMethod
{
    public const string DefaultId = "TEST:1";

    public string Id => id;

    public bool IsAutoCreatedFor(AuthenticatedUser user) => true;

    public ValueTask<MethodStep> AnswerAsync(MethodContext context, MethodInput input, CancellationToken cancellationToken) =>
        answer(context, input, cancellationToken);
}

/// <summary>
/// Counts the steps that reach the wrapped method and holds each until <paramref name="gather"/> of them have arrived or
/// <paramref name="hold"/> has passed, so that parallel requests really are in verification at the same time.
/// </summary>
public sealed class RendezvousMethod(IAuthenticationMethod inner, int gather, TimeSpan hold) : IAuthenticationMethod
{
    private readonly TaskCompletionSource _gathered = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _verifications;

    public int Verifications => Volatile.Read(ref _verifications);

    public string Id => inner.Id;

    public bool IsAutoCreatedFor(AuthenticatedUser user) => inner.IsAutoCreatedFor(user);

    public async ValueTask<MethodStep> AnswerAsync(MethodContext context, MethodInput input, CancellationToken cancellationToken)
    {
        if (Interlocked.Increment(ref _verifications) >= gather) _gathered.TrySetResult();
        await Task.WhenAny(_gathered.Task, Task.Delay(hold, CancellationToken.None));
        return await inner.AnswerAsync(context, input, cancellationToken);
    }
}
