// Status reporting at the C boundary.
#include "SceneRenderInternal.hpp"

#include <cstring>

namespace scene {

int succeed(CSceneRender_Status *status) {
    if (status) {
        status->code = CSceneRender_OK;
        status->message[0] = '\0';
    }
    return CSceneRender_OK;
}

int fail(CSceneRender_Status *status, int code, const std::string &message) {
    if (status) {
        status->code = code;
        std::strncpy(status->message, message.c_str(), sizeof(status->message) - 1);
        status->message[sizeof(status->message) - 1] = '\0';
    }
    return code;
}

}  // namespace scene
