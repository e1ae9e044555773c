using OpenAaf.Core.Chains;
using OpenAaf.Core.Directories;
using OpenAaf.Core.Endpoints;
using OpenAaf.Core.Enrollment;
using OpenAaf.Core.Logon;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OpenAaf.Core.Methods;
using OpenAaf.Core.Security;
using OpenAaf.Core.Sessions;
using OpenAaf.Core.Templates;
using OpenAaf.Core.Users;
using OpenAaf.Server.Http;

namespace OpenAaf.Server.Hosting;

/// <summary>Registers the domain services of Core; storage and directories are registered by their own projects.</summary>
public static class CoreServices
{
    /// <param name="methods">The methods of this server; <see cref="BuiltInMethods.Catalog"/> unless a host adds its own.</param>
    public static IServiceCollection AddOpenAafCore(this IServiceCollection services, MethodCatalog? methods = null)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(new PasswordHasher());
        services.AddSingleton<DirectoryRegistry>();
        services.AddSingleton<UserResolver>();
        services.AddSingleton<TemplateSelector>();
        services.AddSingleton<LockoutService>();
        services.AddSingleton<EndpointSessionService>();
        services.AddSingleton<LoginSessionService>();
        services.AddSingleton<LogonEngine>();
        services.AddSingleton<ChainQuery>();
        services.AddSingleton<AdminVerifier>();
        services.AddSingleton<EndpointService>();
        services.AddSingleton<EndpointAuthThrottle>();
        services.AddSingleton<Readiness>();
        services.AddSingleton<IRandomSource>(CryptographicRandomSource.Instance);
        services.AddSingleton<IPublicUrlSource, ServerPublicUrl>();
        services.AddSingleton(sp => new TemplateSecrets(sp.GetRequiredService<SecretProtector>()));
        services.AddSingleton<MethodServices>();

        services.AddMethods(methods ?? BuiltInMethods.Catalog);
        services.AddSingleton<MethodRegistry>();
        services.AddSingleton<SessionAuthorizer>();
        services.AddSingleton<EnrollEngine>();
        services.AddSingleton<TemplateService>();
        return services;
    }

    /// <summary>
    /// The catalogue and the implementations its descriptors name, one instance per class: a class that
    /// serves both the logon and the enrollment side of a method is one object.
    /// </summary>
    private static void AddMethods(this IServiceCollection services, MethodCatalog methods)
    {
        services.AddSingleton(methods);
        foreach (var method in methods.All)
        {
            if (method.Implementation is { } logon)
            {
                services.TryAddSingleton(logon);
                services.AddSingleton(sp => (IAuthenticationMethod)sp.GetRequiredService(logon));
            }
            if (method.Enrollment is { } enrollment)
            {
                services.TryAddSingleton(enrollment);
                services.AddSingleton(sp => (IEnrollableMethod)sp.GetRequiredService(enrollment));
            }
        }
    }
}
