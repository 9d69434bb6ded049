// FG_CLIENT_TRY(expr): returns the error of a failed Status/Result from the enclosing function.
// fg_core has no such macro; this one is for game/client only.
#pragma once

#define FG_CLIENT_TRY(expr)                                                                        \
    do {                                                                                           \
        if (auto fgClientTryResult = (expr); !fgClientTryResult) return fgClientTryResult.error(); \
    } while (0)
