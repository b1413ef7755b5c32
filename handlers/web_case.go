package handlers

import "github.com/gin-gonic/gin"

func (w *web) casePage(c *gin.Context) { c.String(404, "not yet") }

func (w *web) caseEvent(c *gin.Context) { c.String(404, "not yet") }
