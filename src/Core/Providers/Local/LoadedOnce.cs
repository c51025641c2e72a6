using System;
using System.Collections.Generic;

namespace BankcardOcr.Providers.Local
{
    /// <summary>
    /// Models loaded once per process for each key (module folder and thread count) and shared by every later call. A
    /// load that failed is forgotten rather than cached, so a repaired installation works without restarting PowerShell.
    /// </summary>
    internal sealed class LoadedOnce<T>
    {
        private readonly Dictionary<string, Lazy<T>> _loaded = new Dictionary<string, Lazy<T>>(StringComparer.Ordinal);

        /// <summary>The value for <paramref name="key"/>, running <paramref name="load"/> the first time (once, whoever asks at once).</summary>
        /// <exception cref="BankcardOcrException">What <paramref name="load"/> threw; the next call loads again.</exception>
        public T Get(string key, Func<T> load)
        {
            Lazy<T> lazy;
            lock (_loaded)
            {
                if (!_loaded.TryGetValue(key, out lazy!))
                {
                    lazy = new Lazy<T>(load);
                    _loaded[key] = lazy;
                }
            }

            try
            {
                return lazy.Value;
            }
            catch (BankcardOcrException)
            {
                lock (_loaded)
                {
                    _loaded.Remove(key);
                }

                throw;
            }
        }
    }
}
