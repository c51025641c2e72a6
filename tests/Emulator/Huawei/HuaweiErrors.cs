using System.Text.Json.Nodes;
using BankcardOcr.Emulator.Hosting;
using Microsoft.AspNetCore.Http;

namespace BankcardOcr.Emulator.Huawei;

/// <summary>Huawei's error body <c>{"error_code","error_msg"}</c>, each code's HTTP status (docs/huaweicloud.md §4, §7.4).</summary>
internal static class HuaweiErrors
{
    public const string ContentType = "application/json;charset=utf-8";

    public static Task WriteAsync(HttpContext context, string code, string message, int status) =>
        JsonReply.WriteAsync(context, status, new JsonObject { ["error_code"] = code, ["error_msg"] = message }, ContentType);

    /// <summary>
    /// Documented: AIS.* 400, token failures 401, APIG.0308 429, backend timeout 5xx, IAM per §7.4. The rest
    /// are chosen by meaning: not found 404, access denied or not subscribed 403, gateway and backend
    /// failures 5xx, anything else 400.
    /// </summary>
    public static int StatusFor(string code)
    {
        var normalized = code.Replace("APIGW.", "APIG.", StringComparison.Ordinal);
        return normalized switch
        {
            "APIG.0101" => 404,
            "APIG.0201" or "APIG.0203" or "ModelArts.4402" => 504,
            "APIG.0301" or "APIG.0307" => 401,
            "APIG.0308" or "ModelArts.4401" or "IAM.0012" => 429,
            "ModelArts.0203" or "ModelArts.0212" or "ModelArts.4101" or "ModelArts.4102" or "ModelArts.4103" => 401,
            "ModelArts.4203" or "ModelArts.4204" or "ModelArts.6201" => 403,
            "ModelArts.4403" => 503,
            "ModelArts.4301" or "ModelArts.4302" or "ModelArts.4502" or "ModelArts.4503" or "ModelArts.4504"
                or "ModelArts.4505" or "ModelArts.4506" or "ModelArts.4507" or "ModelArts.4508" => 500,
            "IAM.0001" or "IAM.0061" or "IAM.0062" or "IAM.0066" or "IAM.0067" => 401,
            "IAM.0002" or "IAM.0080" or "IAM.0081" or "IAM.0082" => 403,
            _ => 400,
        };
    }

    public static string StockMessage(string code) => code switch
    {
        "AIS.0101" => "The input parameter is invalid.",
        "AIS.0102" => "The image format is not supported.",
        "AIS.0103" => "The image size does not meet the requirements.",
        "AIS.0104" => "The image is not supported or its quality is too poor.",
        "AIS.0105" => "Recognize failed.",
        "ModelArts.0212" => "The Token not contain project item.",
        "ModelArts.4104" => "The request body is too large.",
        "ModelArts.4105" => "The request body is not valid JSON.",
        "ModelArts.4204" => "The API is not subscribed.",
        "ModelArts.4401" => "Too many concurrent requests.",
        "ModelArts.4402" => "The backend timed out.",
        "ModelArts.4603" => "Failed to download the image from the URL.",
        "APIG.0101" => "The API does not exist or has not been published in the environment.",
        "APIG.0201" => "Backend timeout.",
        "APIG.0301" => "Incorrect IAM authentication information.",
        "APIG.0307" => "The token must be updated.",
        "APIG.0308" => "The throttling threshold has been reached: policy user over ratelimit,limit:10,time:1 second",
        "IAM.0001" => "The request you have made requires authentication.",
        "IAM.0007" => "Invalid parameter.",
        "IAM.0011" => "Request body is invalid.",
        "IAM.0012" => "The throttling threshold has been reached. Threshold: 10 times per 1 seconds",
        "IAM.0061" => "The account is locked.",
        "IAM.0062" => "The username or password is wrong.",
        "IAM.0066" => "The token has expired.",
        "IAM.0067" => "The token is invalid.",
        "IAM.0081" => "The user can access the console only.",
        _ => code,
    };
}
