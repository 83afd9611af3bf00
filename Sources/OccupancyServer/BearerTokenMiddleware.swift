import Hummingbird

/// Refuses every request without the right bearer token with 401 and a `WWW-Authenticate`
/// challenge (RFC 6750); put on the data routes, not on `/healthz`.
struct BearerTokenMiddleware<Context: RequestContext>: RouterMiddleware {
    let token: BearerToken

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let header = request.headers[.authorization]
        guard token.matches(authorization: header) else {
            let challenge = header == nil ? "Bearer realm=\"parkscan\"" : "Bearer realm=\"parkscan\", error=\"invalid_token\""
            let message = header == nil ? "this route needs `Authorization: Bearer <token>`" : "the bearer token is not valid"
            var response = PlainText.response(.unauthorized, message)
            response.headers[.wwwAuthenticate] = challenge
            return response
        }
        return try await next(request, context)
    }
}
