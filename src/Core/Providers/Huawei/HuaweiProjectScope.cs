using System;

namespace BankcardOcr.Providers.Huawei
{
    /// <summary>
    /// The project an IAM token is scoped to. OCR needs a project-scoped token, else it answers
    /// <c>ModelArts.0212</c> (docs/huaweicloud.md §7.1); a project's name is its region id, e.g. <c>cn-north-4</c>.
    /// </summary>
    public sealed class HuaweiProjectScope
    {
        private HuaweiProjectScope(string value, bool isId)
        {
            Value = value;
            IsId = isId;
        }

        /// <summary>Scopes by project name, e.g. <c>cn-north-4</c>.</summary>
        /// <param name="projectName">The project name.</param>
        public static HuaweiProjectScope ByName(string projectName) => new HuaweiProjectScope(Require(projectName, nameof(projectName)), false);

        /// <summary>Scopes by project id, e.g. <c>0123456789abcdef0123456789abcdef</c>.</summary>
        /// <param name="projectId">The project id.</param>
        public static HuaweiProjectScope ById(string projectId) => new HuaweiProjectScope(Require(projectId, nameof(projectId)), true);

        /// <summary>The project name or id.</summary>
        public string Value { get; }

        /// <summary>True when <see cref="Value"/> is a project id, false when it is a name.</summary>
        public bool IsId { get; }

        /// <summary>E.g. <c>project name cn-north-4</c>.</summary>
        public override string ToString() => (IsId ? "project id " : "project name ") + Value;

        private static string Require(string value, string parameterName)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                throw new ArgumentException("A project name or id is required.", parameterName);
            }

            return value.Trim();
        }
    }
}
