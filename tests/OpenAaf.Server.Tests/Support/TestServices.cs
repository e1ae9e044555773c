using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenAaf.Core.Configuration;
using OpenAaf.Core.Directories;
using OpenAaf.Core.Methods;
using OpenAaf.Core.Users;
using OpenAaf.Directory;

namespace OpenAaf.Server.Tests.Support;

/// <summary>Decorations of the server's own services that let a test watch or stall what happens inside a request.</summary>
public static class TestServices
{
    /// <summary>Wraps every registered method (the registry still finds each by its id).</summary>
    public static IServiceCollection DecorateMethods(this IServiceCollection services, Func<IAuthenticationMethod, IAuthenticationMethod> decorate)
    {
        foreach (var registered in services.Where(d => d.ServiceType == typeof(IAuthenticationMethod) && !d.IsKeyedService).ToList())
        {
            services.Remove(registered);
            services.AddSingleton(sp => decorate((IAuthenticationMethod)(registered.ImplementationInstance
                ?? registered.ImplementationFactory?.Invoke(sp)
                ?? ActivatorUtilities.CreateInstance(sp, registered.ImplementationType!))));
        }
        return services;
    }

    /// <summary>Puts <paramref name="binds"/> between the engine and every LDAP/AD directory.</summary>
    public static IServiceCollection CountBinds(this IServiceCollection services, Rendezvous binds) =>
        services.AddSingleton<IUserDirectoryFactory>(sp =>
            new CountingDirectoryFactory(new LdapUserDirectoryFactory(sp.GetRequiredService<ILoggerFactory>()), binds));

    private sealed class CountingDirectoryFactory(LdapUserDirectoryFactory inner, Rendezvous binds) : IUserDirectoryFactory, IDisposable
    {
        public IUserDirectory Create(RepositoryDefinition repository) => new CountingDirectory(inner.Create(repository), binds);

        public void Dispose() => inner.Dispose();
    }

    private sealed class CountingDirectory(IUserDirectory inner, Rendezvous binds) : IUserDirectory
    {
        public RepositoryDefinition Repository => inner.Repository;

        public DirectoryReachability Reachability => inner.Reachability;

        public ValueTask<DirectoryLookup> FindByLoginAsync(string loginName, CancellationToken cancellationToken) =>
            inner.FindByLoginAsync(loginName, cancellationToken);

        public ValueTask<DirectoryLookup> FindByUpnAsync(string upn, CancellationToken cancellationToken) =>
            inner.FindByUpnAsync(upn, cancellationToken);

        public ValueTask<DirectoryLookup> FindByObjectIdAsync(string objectId, CancellationToken cancellationToken) =>
            inner.FindByObjectIdAsync(objectId, cancellationToken);

        public async ValueTask<PasswordCheck> VerifyPasswordAsync(DirectoryUser user, string password, CancellationToken cancellationToken)
        {
            await binds.ArriveAsync();
            return await inner.VerifyPasswordAsync(user, password, cancellationToken);
        }
    }
}

/// <summary>
/// Counts arrivals and holds each until <paramref name="gather"/> have arrived or <paramref name="hold"/> has passed, so
/// that parallel requests really are inside the counted call at the same time.
/// </summary>
public sealed class Rendezvous(int gather, TimeSpan hold)
{
    private readonly TaskCompletionSource _gathered = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _arrivals;

    public int Arrivals => Volatile.Read(ref _arrivals);

    public async Task ArriveAsync()
    {
        if (Interlocked.Increment(ref _arrivals) >= gather) _gathered.TrySetResult();
        await Task.WhenAny(_gathered.Task, Task.Delay(hold, CancellationToken.None));
    }
}

/// <summary>A method whose steps with an answer pass through <paramref name="before"/> first (count, stall, throw).</summary>
/// <param name="finishesAfterCancel">the method then verifies without the caller's token, as a bind already on the wire completes</param>
public sealed class InterceptedMethod(IAuthenticationMethod inner, Func<MethodInput, CancellationToken, Task> before, bool finishesAfterCancel = false)
    : IAuthenticationMethod, IMethodDecorator
{
    public IAuthenticationMethod Inner => inner;

    public string Id => inner.Id;

    public bool IsAutoCreatedFor(AuthenticatedUser user) => inner.IsAutoCreatedFor(user);

    public async ValueTask<MethodStep> AnswerAsync(MethodContext context, MethodInput input, CancellationToken cancellationToken)
    {
        if (input.GetString("answer") is not null) await before(input, cancellationToken);
        return await inner.AnswerAsync(context, input, finishesAfterCancel ? CancellationToken.None : cancellationToken);
    }
}
