#ifndef CSCENERENDER_H
#define CSCENERENDER_H
/* Placeholder: replaced by the synthetic scene renderer. */
int CSceneRender_Version(void);
#endif
