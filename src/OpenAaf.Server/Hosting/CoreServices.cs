using OpenAaf.Core.Chains;
using OpenAaf.Core.Directories;
using OpenAaf.Core.Endpoints;
using OpenAaf.Core.Enrollment;
using OpenAaf.Core.Logon;
using OpenAaf.Core.Methods;
using OpenAaf.Core.Methods.Fido2;
using OpenAaf.Core.Methods.Finger;
using OpenAaf.Core.Methods.Hotp;
using OpenAaf.Core.Methods.LdapPassword;
using OpenAaf.Core.Methods.Password;
using OpenAaf.Core.Methods.Totp;
using OpenAaf.Core.Methods.U2f;
using OpenAaf.Core.Security;
using OpenAaf.Core.Sessions;
using OpenAaf.Core.Templates;
using OpenAaf.Core.Users;
using OpenAaf.Server.Http;

namespace OpenAaf.Server.Hosting;

/// <summary>Registers the domain services of Core; storage and directories are registered by their own projects.</summary>
public static class CoreServices
{
    public static IServiceCollection AddOpenAafCore(this IServiceCollection services)
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

        // One line per authentication method.
        services.AddSingleton<IAuthenticationMethod, LdapPasswordMethod>();
        services.AddSingleton<IAuthenticationMethod, PasswordMethod>();
        services.AddSingleton<IAuthenticationMethod, TotpMethod>().AddSingleton<IEnrollableMethod, TotpEnrollment>();
        services.AddSingleton<IAuthenticationMethod, HotpMethod>().AddSingleton<IEnrollableMethod, HotpEnrollment>();
        services.AddEnrollableMethod<U2fMethod>();
        services.AddEnrollableMethod<Fido2Method>();
        services.AddEnrollableMethod<FingerMethod>();
        services.AddSingleton<MethodRegistry>();
        services.AddSingleton<SessionAuthorizer>();
        services.AddSingleton<EnrollEngine>();
        services.AddSingleton<TemplateService>();
        return services;
    }

    /// <summary>One instance serving both the logon and the enrollment side of a method.</summary>
    private static IServiceCollection AddEnrollableMethod<T>(this IServiceCollection services)
        where T : class, IAuthenticationMethod, IEnrollableMethod =>
        services.AddSingleton<T>()
            .AddSingleton<IAuthenticationMethod>(sp => sp.GetRequiredService<T>())
            .AddSingleton<IEnrollableMethod>(sp => sp.GetRequiredService<T>());
}
