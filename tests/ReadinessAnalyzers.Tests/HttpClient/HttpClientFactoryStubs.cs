using System.Threading.Tasks;

namespace ReadinessAnalyzers.Tests.HttpClient;

/// <summary>
/// Microsoft.Extensions.Http is not in the .NET 8 reference assemblies the tests compile against:
/// minimal stand-ins with the real namespaces, names and signatures (the rules match the containing
/// types by metadata name), added to a test as a file of its own.
/// </summary>
internal static class HttpClientFactoryStubs
{
    public const string Path = "/0/HttpClientFactory.cs";

    public const string Source = """
        namespace Microsoft.Extensions.DependencyInjection
        {
            using System;
            using System.Net.Http;

            public interface IServiceCollection { }

            public interface IHttpClientBuilder
            {
                string Name { get; }
                IServiceCollection Services { get; }
            }

            public static class HttpClientFactoryServiceCollectionExtensions
            {
                public static IServiceCollection AddHttpClient(this IServiceCollection services) => services;
                public static IHttpClientBuilder AddHttpClient(this IServiceCollection services, string name) => null;
                public static IHttpClientBuilder AddHttpClient(this IServiceCollection services, string name, Action<HttpClient> configureClient) => null;
                public static IHttpClientBuilder AddHttpClient(this IServiceCollection services, string name, Action<IServiceProvider, HttpClient> configureClient) => null;
                public static IHttpClientBuilder AddHttpClient<TClient>(this IServiceCollection services) where TClient : class => null;
                public static IHttpClientBuilder AddHttpClient<TClient>(this IServiceCollection services, string name) where TClient : class => null;
                public static IHttpClientBuilder AddHttpClient<TClient>(this IServiceCollection services, Action<HttpClient> configureClient) where TClient : class => null;
                public static IHttpClientBuilder AddHttpClient<TClient>(this IServiceCollection services, Action<IServiceProvider, HttpClient> configureClient) where TClient : class => null;
                public static IHttpClientBuilder AddHttpClient<TClient, TImplementation>(this IServiceCollection services) where TClient : class where TImplementation : class, TClient => null;
                public static IHttpClientBuilder AddHttpClient<TClient, TImplementation>(this IServiceCollection services, Action<HttpClient> configureClient) where TClient : class where TImplementation : class, TClient => null;
                public static IHttpClientBuilder AddHttpClient<TClient, TImplementation>(this IServiceCollection services, Func<HttpClient, TImplementation> factory) where TClient : class where TImplementation : class, TClient => null;
                public static IServiceCollection ConfigureHttpClientDefaults(this IServiceCollection services, Action<IHttpClientBuilder> configure) => services;
            }

            public static class HttpClientBuilderExtensions
            {
                public static IHttpClientBuilder ConfigureHttpClient(this IHttpClientBuilder builder, Action<HttpClient> configureClient) => builder;
                public static IHttpClientBuilder ConfigureHttpClient(this IHttpClientBuilder builder, Action<IServiceProvider, HttpClient> configureClient) => builder;
                public static IHttpClientBuilder SetHandlerLifetime(this IHttpClientBuilder builder, TimeSpan handlerLifetime) => builder;
                public static IHttpClientBuilder AddTypedClient<TClient>(this IHttpClientBuilder builder) where TClient : class => builder;
            }

            public static class ServiceCollectionServiceExtensions
            {
                public static IServiceCollection AddSingleton<TService>(this IServiceCollection services, Func<IServiceProvider, TService> factory) where TService : class => services;
                public static IServiceCollection AddSingleton<TService>(this IServiceCollection services, TService instance) where TService : class => services;
            }
        }
        """;

    /// <summary>An analyzer-only test of <paramref name="source"/> next to the stand-ins.</summary>
    public static Task AnalyzerAsync(string source)
    {
        var test = new CodeFixVerifier<HttpClientAnalyzer, CodeFixes.HttpClientCodeFixProvider>.Test();
        test.TestState.Sources.Add(source);
        test.TestState.Sources.Add((Path, Source));
        return test.RunAsync();
    }

    /// <summary>A code-fix test (single fix and Fix All) of <paramref name="source"/> next to the stand-ins.</summary>
    public static Task CodeFixAsync(string source, string fixedSource)
    {
        var test = new CodeFixVerifier<HttpClientAnalyzer, CodeFixes.HttpClientCodeFixProvider>.Test();
        test.TestState.Sources.Add(source);
        test.TestState.Sources.Add((Path, Source));
        test.FixedState.Sources.Add(fixedSource);
        test.FixedState.Sources.Add((Path, Source));
        return test.RunAsync();
    }
}
