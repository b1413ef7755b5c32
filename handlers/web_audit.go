package handlers

import "github.com/gin-gonic/gin"

func (w *web) audit(c *gin.Context) { c.String(404, "not yet") }

func (w *web) auditList(c *gin.Context) { c.String(404, "not yet") }
