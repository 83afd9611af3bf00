#include "CSceneRender.h"
int CSceneRender_Version(void) { return 0; }
